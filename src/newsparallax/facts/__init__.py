"""Facts (next): line up what each story's sources claim — agreed, compatible, conflicting, single
source — with the quote behind every value, provenance and framing.  Empty until that issue lands;
the reading layers (``read``) and stories (``stories``) are its inputs."""
