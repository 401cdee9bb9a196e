"""Streamlit helpers shared by the pages: data access, filters, labels, formatting, charts."""
