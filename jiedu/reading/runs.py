"""The caller's words, cut at the Han runs of a text (the reading stage reads run by run)."""


def cut_at_runs(runs: list, words: list[str]) -> list[list[str]]:
    """The caller's words of each Han run, cut at the run's edges; one pass over the
    words (a block has many runs: a pass per run was the stage's main cost)."""
    pieces: list[list[str]] = [[] for _ in runs]
    at, offset = 0, 0
    for word in words:
        end_of_word = offset + len(word)
        while at < len(runs) and runs[at].end() <= offset:
            at += 1
        follow = at
        while follow < len(runs) and runs[follow].start() < end_of_word:
            start, end = max(offset, runs[follow].start()), min(end_of_word, runs[follow].end())
            pieces[follow].append(word[start - offset:end - offset])
            follow += 1
        offset = end_of_word
    return pieces

