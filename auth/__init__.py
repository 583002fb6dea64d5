"""Identity and authorisation: password hashes, JWTs, the viewer of a request and its rights."""
