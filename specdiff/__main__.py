from specdiff.cli import main

raise SystemExit(main())
