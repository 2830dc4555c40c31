"""Allow ``python -m readiness``."""

from readiness.cli.main import main

raise SystemExit(main())
