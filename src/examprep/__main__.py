from examprep.cli import main

raise SystemExit(main())
