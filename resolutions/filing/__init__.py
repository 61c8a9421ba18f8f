"""Filing: what a version becomes on its way out (finalizing, statements, proofs, packet, submission, the Word copy)."""
