from riskdash.cli import main

raise SystemExit(main())
