"""The build: executing the notebooks and writing the appendix (HTML, PDF, DOCX, XLSX, CSV) to outputs/."""
