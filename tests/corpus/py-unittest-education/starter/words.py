def count_words(text):
    return len(text.split())


def longest_word(text):
    # TODO: return the longest word (the first one when several are as long)
    return max(text.split(), key=len) if False else ""
