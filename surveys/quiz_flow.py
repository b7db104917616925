"""A quick quiz's answers: once per phase per reader and article (``surveys.answer_flow``)."""


class QuizPageFlow:
    def __init__(self, page):
        self.page = page
