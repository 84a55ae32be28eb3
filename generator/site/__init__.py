"""The handbook site: MkDocs pages generated in memory from the content model."""
