from newsledger.cli import main

raise SystemExit(main())
