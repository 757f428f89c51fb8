"""The Word appendix's reference document (``reference.docx``) and the script that makes it."""
