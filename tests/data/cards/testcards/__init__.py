"""Building blocks of make-test-cards.py: DER writer, LDS files, PKI, face images, self-check."""
