"""`huifang qa`: score recorded calls (ASR transcripts) against the rule book."""
