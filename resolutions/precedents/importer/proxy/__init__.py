"""Split a whole proxy statement (DEF 14A) into its shareholder proposals, as filed.

Pure Python. The input is a list of pages of positioned lines (``layout.pdf_pages``) or plain
text; ``lines`` turns either into ``ProxyLine``s with paragraph starts, ``running_heads`` and
``side_labels`` take out what is not the document's text, and ``document.split_proxy`` finds each
proposal from the company's preamble (``preamble``: "X has notified us that it intends to
present…"), with its caption above (``captions``) and the board's statement below
(``opposition``); ``parts`` sorts the proponent's text into WHEREAS, RESOLVED, supporting
parts and notes, ``proponents`` reads who filed it and ``cover`` the company and meeting year.
Every line of a proposal's pages lands in its caption, preamble, title, a part, a note, the
board's statement or ``left_out`` (running heads, page footers, page numbers, contents links).
"""
