"""Synthetic, labelled comment blocks for training the title tagger (see train_titles.py).

The NAIST sample the tagger is evaluated on is mostly Java and C comments flattened to one
line; code in the wild also cites in numpy/Sphinx reference sections, APA and Chicago entries,
Markdown emphasis, Doxygen and Javadoc HTML, and most blocks cite nothing at all while holding
years, quoted strings, names and version numbers. This module renders such blocks from small
lists of facts (real paper titles, authors and venues, freely recombined, so the entries are
synthetic) with every field's character span recorded as it is written: the labels are exact
by construction. The same seed gives the same corpus.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from benchmarks.eval_titles import Comment

TITLES = [
    "Adam: A Method for Stochastic Optimization",
    "Attention Is All You Need",
    "Deep Residual Learning for Image Recognition",
    "A Fast Algorithm for Finding Dominators in a Flowgraph",
    "Collective dynamics of small-world networks",
    "Emergence of scaling in random networks",
    "Fast unfolding of communities in large networks",
    "Finding and evaluating community structure in networks",
    "The PageRank Citation Ranking: Bringing Order to the Web",
    "Regression Shrinkage and Selection via the Lasso",
    "Controlling the False Discovery Rate: A Practical and Powerful Approach to Multiple Testing",
    "A New Look at the Statistical Model Identification",
    "Estimating the Dimension of a Model",
    "Maximum Likelihood from Incomplete Data via the EM Algorithm",
    "Bootstrap Methods: Another Look at the Jackknife",
    "Random Forests",
    "Support-Vector Networks",
    "Greedy Function Approximation: A Gradient Boosting Machine",
    "Latent Dirichlet Allocation",
    "A Tutorial on Hidden Markov Models and Selected Applications in Speech Recognition",
    "An Algorithm for Least-Squares Estimation of Nonlinear Parameters",
    "A Simplex Method for Function Minimization",
    "Algorithm 778: L-BFGS-B: Fortran Subroutines for Large-Scale Bound-Constrained Optimization",
    "On the Limited Memory BFGS Method for Large Scale Optimization",
    "Mersenne Twister: A 623-Dimensionally Equidistributed Uniform Pseudo-Random Number Generator",
    "Algorithm 659: Implementing Sobol's Quasirandom Sequence Generator",
    "What Every Computer Scientist Should Know About Floating-Point Arithmetic",
    "Accurate Sum and Dot Product",
    "A Note on Two Problems in Connexion with Graphs",
    "Depth-First Search and Linear Graph Algorithms",
    "Reducing the Bandwidth of Sparse Symmetric Matrices",
    "The Art of Computer Programming",
    "Numerical Recipes: The Art of Scientific Computing",
    "Matrix Computations",
    "Introduction to Time Series and Forecasting",
    "Time Series Analysis: Forecasting and Control",
    "Generalized Autoregressive Conditional Heteroskedasticity",
    "Robust Estimation of a Location Parameter",
    "Consistency of Asymmetric Kernel Density Estimators",
    "Kernel Density Estimation via Diffusion",
    "A Fast Fourier Transform Compiler",
    "The Design and Implementation of FFTW3",
    "An Algorithm for the Machine Calculation of Complex Fourier Series",
    "Fast Subtype Checking in the HotSpot JVM",
    "Two-Way String-Matching",
    "Efficient String Matching: An Aid to Bibliographic Search",
    "A Universal Algorithm for Sequential Data Compression",
    "The R*-tree: An Efficient and Robust Access Method for Points and Rectangles",
    "Density-Based Clustering Based on Hierarchical Density Estimates",
    "A Density-Based Algorithm for Discovering Clusters in Large Spatial Databases with Noise",
    "Learning Representations by Back-Propagating Errors",
    "Dropout: A Simple Way to Prevent Neural Networks from Overfitting",
    "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift",
    "Layer Normalization",
    "Decoupled Weight Decay Regularization",
    "On the Variance of the Adaptive Learning Rate and Beyond",
    "Squeeze-and-Excitation Networks",
    "EfficientNet: Rethinking Model Scaling for Convolutional Neural Networks",
    "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale",
    "Scattered Data Interpolation for Computer Graphics",
    "Reentrant Polygon Clipping",
    "Random Sampling with a Reservoir",
    "Seeds for Random Number Generators",
    "Computing the Sample Variance: Analysis and Recommendations",
    "Updating Formulae and a Pairwise Algorithm for Computing Sample Variances",
    "The Tutte Polynomial",
    "Second Order Centrality: Distributed Assessment of Nodes Criticity in Complex Networks",
    "From Louvain to Leiden: Guaranteeing Well-Connected Communities",
    "Semi-Supervised Learning Using Gaussian Fields and Harmonic Functions",
    "Mixing Patterns in Networks",
    "Statistical Computing",
    "Testing Unconstrained Optimization Software",
    "Sample Size Calculation for Comparing Two Poisson Rates",
    "Interval Estimation for a Binomial Proportion",
    "The Elements of Statistical Learning: Data Mining, Inference, and Prediction",
    "Tyler's Covariance Matrix Estimator in Elliptical Models",
    "Practical Hessian-Based Error Control for Irradiance Caching",
    "An Efficient and Robust Ray-Box Intersection Algorithm",
    "Parallel Random Numbers: As Easy as 1, 2, 3",
    "Strictly Pretty",
]
AUTHORS = [
    ("Diederik", "Kingma"),
    ("Jimmy", "Ba"),
    ("Ashish", "Vaswani"),
    ("Kaiming", "He"),
    ("Thomas", "Lengauer"),
    ("Robert E.", "Tarjan"),
    ("Duncan J.", "Watts"),
    ("Steven H.", "Strogatz"),
    ("Albert-Laszlo", "Barabasi"),
    ("Reka", "Albert"),
    ("Vincent D.", "Blondel"),
    ("Mark E. J.", "Newman"),
    ("Michelle", "Girvan"),
    ("Lawrence", "Page"),
    ("Sergey", "Brin"),
    ("Robert", "Tibshirani"),
    ("Yoav", "Benjamini"),
    ("Yosef", "Hochberg"),
    ("Hirotugu", "Akaike"),
    ("Gideon", "Schwarz"),
    ("Arthur P.", "Dempster"),
    ("Bradley", "Efron"),
    ("Leo", "Breiman"),
    ("Corinna", "Cortes"),
    ("Vladimir", "Vapnik"),
    ("Jerome H.", "Friedman"),
    ("David M.", "Blei"),
    ("Andrew Y.", "Ng"),
    ("Lawrence R.", "Rabiner"),
    ("Donald W.", "Marquardt"),
    ("John A.", "Nelder"),
    ("Roger", "Mead"),
    ("Ciyou", "Zhu"),
    ("Jorge", "Nocedal"),
    ("Makoto", "Matsumoto"),
    ("Takuji", "Nishimura"),
    ("Paul", "Bratley"),
    ("Bennett L.", "Fox"),
    ("David", "Goldberg"),
    ("Takeshi", "Ogita"),
    ("Siegfried M.", "Rump"),
    ("Edsger W.", "Dijkstra"),
    ("Elizabeth", "Cuthill"),
    ("James", "McKee"),
    ("Donald E.", "Knuth"),
    ("William H.", "Press"),
    ("Gene H.", "Golub"),
    ("Charles F.", "Van Loan"),
    ("Peter J.", "Brockwell"),
    ("Richard A.", "Davis"),
    ("George E. P.", "Box"),
    ("Tim", "Bollerslev"),
    ("Peter J.", "Huber"),
    ("Zdravko I.", "Botev"),
    ("Matteo", "Frigo"),
    ("Steven G.", "Johnson"),
    ("James W.", "Cooley"),
    ("John W.", "Tukey"),
    ("Cliff", "Click"),
    ("John", "Rose"),
    ("Maxime", "Crochemore"),
    ("Dominique", "Perrin"),
    ("Alfred V.", "Aho"),
    ("Margaret J.", "Corasick"),
    ("Jacob", "Ziv"),
    ("Abraham", "Lempel"),
    ("Norbert", "Beckmann"),
    ("Hans-Peter", "Kriegel"),
    ("Ricardo J. G. B.", "Campello"),
    ("Martin", "Ester"),
    ("David E.", "Rumelhart"),
    ("Geoffrey E.", "Hinton"),
    ("Nitish", "Srivastava"),
    ("Sergey", "Ioffe"),
    ("Christian", "Szegedy"),
    ("Ilya", "Loshchilov"),
    ("Frank", "Hutter"),
    ("Liyuan", "Liu"),
    ("Jie", "Hu"),
    ("Mingxing", "Tan"),
    ("Quoc V.", "Le"),
    ("Alexey", "Dosovitskiy"),
    ("Ivan E.", "Sutherland"),
    ("Gary W.", "Hodgman"),
    ("Jeffrey S.", "Vitter"),
    ("George", "Marsaglia"),
    ("Tony F.", "Chan"),
    ("Randall J.", "LeVeque"),
    ("Vincent A.", "Traag"),
    ("Ludo", "Waltman"),
    ("Xiaojin", "Zhu"),
    ("Zoubin", "Ghahramani"),
    ("John", "Lafferty"),
    ("Trevor", "Hastie"),
    ("Jorge J.", "More"),
    ("Burton S.", "Garbow"),
    ("Haiyuan", "Zhu"),
    ("Lawrence D.", "Brown"),
    ("T. Tony", "Cai"),
    ("Ilya", "Soloveychik"),
    ("Ami", "Wiesel"),
    ("John K.", "Salmon"),
    ("Christian", "Lindig"),
    ("William J.", "Kennedy"),
    ("James E.", "Gentle"),
    ("Amy", "Williams"),
    ("Wojciech", "Jarosz"),
]
JOURNALS = [
    ("Journal of the ACM", "J. ACM"),
    ("Communications of the ACM", "Commun. ACM"),
    ("ACM Transactions on Mathematical Software", "ACM Trans. Math. Softw."),
    ("ACM Transactions on Programming Languages and Systems", "ACM TOPLAS"),
    ("SIAM Journal on Numerical Analysis", "SIAM J. Numer. Anal."),
    ("SIAM Journal on Scientific Computing", "SIAM J. Sci. Comput."),
    ("Journal of the Royal Statistical Society, Series B", "J. R. Stat. Soc. B"),
    ("Journal of the American Statistical Association", "J. Amer. Statist. Assoc."),
    ("The Annals of Statistics", "Ann. Statist."),
    ("Biometrika", "Biometrika"),
    ("Econometrica", "Econometrica"),
    ("Journal of Econometrics", "J. Econometrics"),
    ("Physical Review E", "Phys. Rev. E"),
    ("Nature", "Nature"),
    ("Science", "Science"),
    ("Scientific Reports", "Sci Rep"),
    ("Machine Learning", "Mach. Learn."),
    ("Journal of Machine Learning Research", "JMLR"),
    ("IEEE Transactions on Signal Processing", "IEEE Trans. Signal Process."),
    ("IEEE Transactions on Pattern Analysis and Machine Intelligence", "IEEE TPAMI"),
    ("Proceedings of the IEEE", "Proc. IEEE"),
    ("The Computer Journal", "Comput. J."),
    ("Mathematics of Computation", "Math. Comp."),
    ("Numerische Mathematik", "Numer. Math."),
    ("Astronomy & Astrophysics", "A&A"),
    ("The Astrophysical Journal", "ApJ"),
    ("Journal of Statistical Mechanics: Theory and Experiment", "J. Stat. Mech."),
    ("Computer Communications", "Comput. Commun."),
    ("Statistical Science", "Stat. Sci."),
    ("Journal of Computational Physics", "J. Comput. Phys."),
]
PROCEEDINGS = [
    "Proceedings of the 1990 ACM SIGMOD International Conference on Management of Data",
    "Advances in Neural Information Processing Systems 30",
    "International Conference on Learning Representations (ICLR)",
    "Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition",
    "Proceedings of the 20th International Conference on Machine Learning (ICML-03)",
    "Proceedings of the Second International Conference on Knowledge Discovery and Data Mining",
    "Pacific-Asia Conference on Knowledge Discovery and Data Mining",
    "Proceedings of the 14th Annual ACM-SIAM Symposium on Discrete Algorithms (SODA 2003)",
    "ACM SIGGRAPH Asia 2012 Conference Proceedings",
    "Proceedings of the 2011 International Conference for High Performance Computing (SC11)",
]
PUBLISHERS = [
    ("Springer", "New York"),
    ("Cambridge University Press", "Cambridge"),
    ("Johns Hopkins University Press", "Baltimore"),
    ("Addison-Wesley", "Reading, MA"),
    ("Wiley", "Hoboken, NJ"),
    ("Holden-Day", "San Francisco"),
    ("MIT Press", "Cambridge, MA"),
    ("Chapman and Hall/CRC", "Boca Raton"),
    ("Marcel Dekker", "New York"),
]
MONTHS = ["January", "March", "May", "June", "July", "September", "October", "December"]
# Prose of blocks that cite nothing, and around the ones that do: parameter descriptions,
# quoted option values, copyright and changelog lines, names, dates and versions.
PROSE = [
    "Compute the weighted average of the input array along the given axis.",
    "Return a new graph with the edges reversed.",
    'method : {"linear", "nearest", "cubic"}, optional. Defaults to "linear".',
    'If mode is "reflect", the input is extended by reflecting about the edge.',
    "Copyright (c) 2019-2024 The Project Developers. All rights reserved.",
    "Copyright 2015 Google Inc. Licensed under the Apache License, Version 2.0.",
    "TODO(alice): remove this workaround once numpy 2.1 is the minimum version.",
    "Changed in version 1.9.0: the default changed from 'auto' to 'exact'.",
    "Deprecated since 2021.3; use the new interface instead.",
    "Written by John Smith, March 2008. Revised by Jane Doe, 2012.",
    "See 'Usage' below for an example with real data.",
    'The "Proceedings" field of the record is kept as is.',
    "This follows the approach of the original Fortran implementation.",
    "Raises ValueError if the matrix is not square.",
    "The result is cached; call clear() to reset it (added in 2.3).",
    ">>> fit(data, method='newton', maxiter=2000)",
    '>>> t.meta["description"] = "An example table for the writer."',
    "Version 3.2.1 (released 2020-05-17) fixed the overflow for n > 2048.",
    "Uses the algorithm from the reference implementation, see the Notes.",
    "Author: Maria Garcia <maria@example.org>, 2016.",
    "Parameters are passed on to the solver unchanged.",
    "Note that the IEEE 754 standard (2008 revision) defines fused multiply-add.",
    "The ACM and IEEE citation styles differ in how authors are listed.",
    "Journal entries are stored in the order they were written.",
    "Emits a 'dubious year' warning for dates before 1960 or after 2030.",
    'The "plane of intermediate world coordinates" as defined by the standard.',
    "Set 'strict' to reject files written before 2003 by the old writer.",
    "A module for reading and writing Flexible Image Transport System files.",
    "Thanks to Ada Lovelace and Alan Turing for the review (2017).",
    "Elements describe a Resource, a Table or are Global, see the VOTable 1.4 standard.",
]


class Writer:
    """Builds one block's text while recording each field's character spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.fields: dict[str, list[tuple[int, int]]] = {}

    def add(self, text: str, field: str | None = None) -> None:
        if field:
            self.fields.setdefault(field, []).append((self.length, self.length + len(text)))
        self.parts.append(text)
        self.length += len(text)

    def comment(self) -> Comment:
        return Comment("".join(self.parts), self.fields)


def _pages(rng: random.Random) -> str:
    first = rng.randint(1, 900)
    return f"{first}-{first + rng.randint(5, 40)}"


def _name(rng: random.Random, first: str, last: str, style: str) -> str:
    initials = " ".join(f"{part[0]}." for part in first.replace("-", " ").split())
    return {
        "full": f"{first} {last}",
        "initials": f"{initials} {last}",
        "last_first": f"{last}, {initials}",
        "last_full": f"{last}, {first}",
        "last": last,
    }[style]


def _authors(w: Writer, rng: random.Random, style: str, count: int) -> None:
    people = rng.sample(AUTHORS, count)
    for i, (first, last) in enumerate(people):
        if i:
            if i == count - 1:
                w.add(
                    rng.choice([", and ", " and ", ", & ", " & "])
                    if count > 2
                    else rng.choice([" and ", " & ", ", "])
                )
            else:
                w.add(", ")
        w.add(_name(rng, first, last, style), "AUTHOR")
    if count >= 3 and rng.random() < 0.15:
        w.add(" et al.")


# How a journal entry writes volume, number and pages, as (text, field) pieces.
VOLUME_FORMS: list[list[tuple[str, str | None]]] = [
    [(", vol. ", None), ("{volume}", "VOLUME"), (", no. ", None), ("{number}", "NUMBER"),
     (", pp. ", None), ("{pages}", "PAGES")],
    [(" ", None), ("{volume}", "VOLUME"), (" (", None), ("{number}", "NUMBER"), ("): ", None),
     ("{pages}", "PAGES")],
    [(", ", None), ("{volume}", "VOLUME"), (", ", None), ("{pages}", "PAGES")],
    [(" ", None), ("{volume}", "VOLUME")],
]  # fmt: skip


def _venue(w: Writer, rng: random.Random) -> None:
    """A journal with volume, number and pages, or proceedings with pages."""
    if rng.random() < 0.7:
        full, short = rng.choice(JOURNALS)
        w.add(rng.choice([full, short]), "BOOKTITLE_OR_JOURNAL")
        volume, number = str(rng.randint(1, 120)), str(rng.randint(1, 12))
        for text, field in VOLUME_FORMS[rng.randrange(len(VOLUME_FORMS))]:
            value = _pages(rng) if text == "{pages}" else text.format(volume=volume, number=number)
            w.add(value, field)
    else:
        w.add(rng.choice(["In ", "In: ", "in ", ""]))
        w.add(rng.choice(PROCEEDINGS), "BOOKTITLE_OR_JOURNAL")
        if rng.random() < 0.6:
            w.add(", pp. " if rng.random() < 0.5 else ", pages ")
            w.add(_pages(rng), "PAGES")


def _year(w: Writer, rng: random.Random) -> None:
    w.add(str(rng.randint(1950, 2024)), "YEAR")


def _title(w: Writer, rng: random.Random, quote: str = "") -> None:
    opening, closing = {
        "": ("", ""),
        '"': ('"', '"'),
        "“": ("“", "”"),
        "*": ("*", "*"),
        "`": ("``", "''"),
        "'": ("'", "'"),
    }[quote]
    w.add(opening)
    w.add(rng.choice(TITLES), "TITLE")
    w.add(closing)


def entry_numpy(w: Writer, rng: random.Random) -> None:
    _authors(w, rng, rng.choice(["initials", "full"]), rng.randint(1, 3))
    w.add(", ")
    _title(w, rng, rng.choice(['"', "", "“", "'"]))
    w.add(", ")
    _venue(w, rng)
    w.add(", ")
    _year(w, rng)
    w.add(".")


def entry_apa(w: Writer, rng: random.Random) -> None:
    _authors(w, rng, "last_first", rng.randint(1, 4))
    w.add(" (")
    _year(w, rng)
    w.add("). ")
    _title(w, rng)
    w.add(". ")
    _venue(w, rng)
    w.add(".")


def entry_chicago(w: Writer, rng: random.Random) -> None:
    _authors(w, rng, rng.choice(["last_full", "last_first"]), rng.randint(1, 3))
    w.add(". ")
    _year(w, rng)
    w.add(". ")
    _title(w, rng, rng.choice(["“", '"']))
    w.add(" ")
    _venue(w, rng)
    w.add(".")


def entry_book(w: Writer, rng: random.Random) -> None:
    _authors(w, rng, rng.choice(["initials", "last_first", "full"]), rng.randint(1, 2))
    w.add(rng.choice([". ", ", ", " ("]))
    if w.parts[-1] == " (":
        _year(w, rng)
        w.add("). ")
        year_done = True
    else:
        year_done = False
    _title(w, rng, rng.choice(["*", "", ""]))
    publisher, city = rng.choice(PUBLISHERS)
    w.add(". ")
    w.add(publisher, "PUBLISHER")
    if rng.random() < 0.5:
        w.add(", ")
        w.add(city, "ADDRESS")
    if not year_done:
        w.add(", ")
        _year(w, rng)
    w.add(".")


def entry_colon(w: Writer, rng: random.Random) -> None:
    """`Authors: Title. In: Proceedings, pages, year.` (DBLP/ELKI style), maybe HTML-broken."""
    br = rng.random() < 0.4
    _authors(w, rng, rng.choice(["full", "initials"]), rng.randint(1, 4))
    w.add(" <br> " if br else ": ")
    _title(w, rng)
    w.add(" <br> " if br else ". ")
    _venue(w, rng)
    if rng.random() < 0.7:
        w.add(", ")
        _year(w, rng)
    w.add(".")


def entry_title_first(w: Writer, rng: random.Random) -> None:
    _title(w, rng, rng.choice(['"', ""]))
    w.add(", ")
    _authors(w, rng, rng.choice(["full", "initials"]), rng.randint(1, 3))
    w.add(", ")
    _venue(w, rng)
    w.add(", ")
    if rng.random() < 0.3:
        w.add(rng.choice(MONTHS), "MONTH")
        w.add(" ")
    _year(w, rng)
    w.add(".")


def entry_inline(w: Writer, rng: random.Random) -> None:
    """A citation inside a sentence."""
    w.add(
        rng.choice(
            [
                "This implements the method described in ",
                "Based on ",
                "See the paper ",
                "The update rule follows ",
                "Adapted from ",
            ]
        )
    )
    form = rng.randrange(3)
    if form == 0:
        _title(w, rng, rng.choice(['"', "“"]))
        w.add(" by ")
        _authors(w, rng, "full", rng.randint(1, 3))
        w.add(" (")
        _year(w, rng)
        w.add(")")
    elif form == 1:
        _authors(w, rng, "last", 1)
        w.add(" et al., ")
        _title(w, rng, '"')
        w.add(", ")
        _venue(w, rng)
        w.add(" (")
        _year(w, rng)
        w.add(")")
    else:
        _title(w, rng, '"')
        w.add(" (")
        _authors(w, rng, "last", rng.randint(1, 2))
        w.add(", ")
        _year(w, rng)
        w.add(")")
    w.add(". ")


def entry_arxiv(w: Writer, rng: random.Random) -> None:
    _authors(w, rng, rng.choice(["full", "initials", "last_first"]), rng.randint(1, 4))
    w.add(". ")
    _title(w, rng)
    w.add(". ")
    ident = f"{rng.randint(14, 24)}{rng.randint(1, 12):02d}.{rng.randint(1, 19999):05d}"
    w.add(rng.choice([f"arXiv:{ident}", f"arXiv preprint arXiv:{ident}"]), "BOOKTITLE_OR_JOURNAL")
    w.add(", ")
    _year(w, rng)
    w.add(".")


def entry_harvard(w: Writer, rng: random.Random) -> None:
    """`Bellman, R., Roth, R., 1969. Title. Venue 64, 1079-1084.` (Elsevier/Harvard)."""
    _authors(w, rng, "last_first", rng.randint(1, 3))
    w.add(", " if rng.random() < 0.6 else " ")
    _year(w, rng)
    w.add(". ")
    _title(w, rng)
    w.add(rng.choice([". ", "? "]) if rng.random() < 0.8 else ".")
    if w.parts[-1] != ".":
        _venue(w, rng)
        w.add(".")


def entry_short(w: Writer, rng: random.Random) -> None:
    """`Wright and Nocedal, 'Numerical Optimization', 1999, pg. 59-61.`"""
    _authors(w, rng, "last", rng.randint(1, 2))
    w.add(", ")
    _title(w, rng, rng.choice(["'", '"', "*"]))
    w.add(", ")
    _year(w, rng)
    if rng.random() < 0.5:
        w.add(rng.choice([", pg. ", ", pp. ", ", p. "]))
        w.add(_pages(rng), "PAGES")
    w.add(".")


ENTRIES: list[Callable[[Writer, random.Random], None]] = [
    entry_harvard,
    entry_short,
    entry_numpy,
    entry_apa,
    entry_chicago,
    entry_book,
    entry_colon,
    entry_title_first,
    entry_inline,
    entry_arxiv,
]


def _prose(w: Writer, rng: random.Random, count: int) -> None:
    for _ in range(count):
        w.add(rng.choice(PROSE) + rng.choice(["\n", " "]))


def citing_block(rng: random.Random) -> Comment:
    """A docstring or comment with one to three citations among ordinary prose."""
    w = Writer()
    _prose(w, rng, rng.randint(0, 3))
    layout = rng.randrange(4)
    if layout == 0:
        w.add(
            rng.choice(
                ["References\n----------\n", "References:\n", "Reference: ", "\\par References\n"]
            )
        )
    for n in range(1, rng.randint(1, 3) + 1):
        if layout == 0:
            w.add(rng.choice([f".. [{n}] ", f"[{n}] ", "- ", ""]))
        elif layout == 1:
            w.add(rng.choice(["@see ", "See ", "Reference: ", "<p> "]))
        rng.choice(ENTRIES)(w, rng)
        w.add("\n")
    _prose(w, rng, rng.randint(0, 2))
    return w.comment()


def plain_block(rng: random.Random) -> Comment:
    """A block that cites nothing, with the years, quotes and names ordinary code has."""
    w = Writer()
    _prose(w, rng, rng.randint(1, 5))
    return w.comment()


def generate(count: int, seed: int = 7, citing_share: float = 0.6) -> list[Comment]:
    """`count` labelled blocks, about `citing_share` of them citing something."""
    rng = random.Random(seed)
    return [
        citing_block(rng) if rng.random() < citing_share else plain_block(rng) for _ in range(count)
    ]
