"""`python -m bot`: the same as the `dealbot` command."""

from bot.cli import main

raise SystemExit(main())
