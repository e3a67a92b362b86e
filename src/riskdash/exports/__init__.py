"""Files for download: spreadsheets in the official layouts, lists for follow-up."""
