"""The one exception the pipeline raises for bad content: it always names a place."""

from .model import Place


class ContentError(Exception):
    """Input the build cannot use. Exit code 3; the message starts with file:line:col."""

    def __init__(self, place: Place, message: str):
        super().__init__(f"{place}: error: {message}")
        self.place = place
        self.message = message

    def __reduce__(self):  # so it crosses process boundaries (parallel builds)
        return (ContentError, (self.place, self.message))
