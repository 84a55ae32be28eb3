from huifang.cli import main

raise SystemExit(main())
