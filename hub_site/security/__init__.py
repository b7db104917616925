"""Cross-cutting security: response headers and CSP, rate limits, security.txt."""
