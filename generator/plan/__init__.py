"""`huifang plan` and `huifang report`: who to call when, by the rule book's timing and the Chinese
working calendar, and the 回访率 that was achieved."""
