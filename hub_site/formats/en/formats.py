# The seed site's date style, "Oct 24, 2025"; Django's English default is "Oct. 24, 2025".
DATE_FORMAT = "M j, Y"
