"""Count Even or Odd, read from standard input: see kata.toml for the format.

Read the numbers with sys.stdin, answer every counting query, print one count
per line.
"""
import sys

# Your program here.
