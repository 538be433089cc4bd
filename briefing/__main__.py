"""python -m briefing: the same commands as the ``briefing`` script."""

from .cli import main

if __name__ == "__main__":
    main()
