"""`huifang lint`: checks call scripts (YAML, composed, and free-form .md/.txt) against the rule book.

Layout: utterances.py and freeform.py turn files into speech with positions; normalize.py and
matcher.py find phrases however they are written; rules/ holds one module per rule; engine.py
runs them; formats.py prints; fix.py rewrites. api.py is what other parts of huifang call; a run is
inputs.py (which files), textfile.py (reading a free-form file safely), run.py (content loaded once, scripts
linted one at a time), chunks.py (worker processes) and result.py (`Result`, `UsageError`).
"""
