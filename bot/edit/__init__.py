"""People's corrections to deals: read a form's fields, apply edits, dismiss, merge and split.

Used by the Slack handlers (handlers/fix.py) and the terminal (`dealbot deal …`) alike, so a fix
means the same wherever it is made.
"""
