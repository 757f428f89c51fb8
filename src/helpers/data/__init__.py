"""Reading and validating the data: the contract, loading, figures as printed, queries, the audit."""
