try:
    from huifang.cli import main
except KeyboardInterrupt:  # a Ctrl-C while huifang is still being imported: said as any other, no traceback
    import sys

    sys.stderr.write("已中断：输出保持原样。\n")
    raise SystemExit(130) from None

raise SystemExit(main())
