"""readiness: is an organisation ready to run social media professionally?"""

__version__ = "0.1.0"
