"""`huifang lint`: checks call scripts (YAML, composed, and free-form .md/.txt) against the rule book.

Layout: utterances.py and freeform.py turn files into speech with positions; normalize.py and
matcher.py find phrases however they are written; rules/ holds one module per rule; engine.py
runs them; formats.py prints; fix.py rewrites. api.py is what other parts of huifang call.
"""
