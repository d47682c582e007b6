"""The vetoes of `scanner.titles.vet`, one module per thing a place can say a hit is instead of
a citation. Each veto is a function `(text, hit, stop) -> bool`; `scanner.titles.vet.VETOES` is
the one ordered list of them."""
