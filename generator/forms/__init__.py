"""Printable PDF forms: blank record forms, per-script record sheets, desk cards, print packs."""
