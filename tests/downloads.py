"""What the tests read of the files the site streams for download."""

import csv
import io


def rows_of_csv(response):
    """The rows of a streamed CSV download, each a list of its cells."""
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
