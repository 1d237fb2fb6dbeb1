"""Everything in Caseload Companion that is not Qt: model, storage, estimate, wording, summaries."""
