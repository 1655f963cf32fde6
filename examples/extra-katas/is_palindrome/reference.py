"""Reference for is_palindrome: clean once, compare with the reverse."""


def is_palindrome(text):
    kept = [character.lower() for character in text if character.isalnum()]
    return kept == kept[::-1]
