"""`huifang plan` and `huifang report`: who to call when, by the rule book's timing and the Chinese
working calendar, and the 回访率 that was achieved."""

import os

# polars' allocator (jemalloc) gives freed memory back at once rather than after seconds: a million rows pass
# through several frames in turn, and the peak is what the user's machine must hold (read when polars loads)
os.environ.setdefault("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")
