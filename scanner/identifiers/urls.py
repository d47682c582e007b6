"""CG103: URLs of papers on sites without arXiv ids or DOIs in the link (proceedings, archives).

Each site is one `PaperSite` entry: a pattern over the URL and the canonical URL it stands
for, so the PDF and abstract links of one paper share one key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from catalog.ids import normalize_url
from catalog.types import PaperRef, RefKind
from scanner.identifiers.base import iter_urls
from scanner.identifiers.paperlinks import (
    entry_around,
    is_paper_link,
    names_a_standard,
    unwrap_archive,
)
from scanner.types import Hit


@dataclass(frozen=True, slots=True)
class PaperSite:
    """A site that hosts papers: `pattern` matches a URL, `canonical` formats its key URL."""

    name: str
    pattern: re.Pattern[str]
    canonical: str


def _site(name: str, pattern: str, canonical: str) -> PaperSite:
    return PaperSite(name, re.compile(r"(?i)^(?:https?://)?(?:www\.)?" + pattern), canonical)


SITES: tuple[PaperSite, ...] = (
    _site(
        "openreview",
        r"openreview\.net/(?:forum|pdf|attachment)\?(?:[^#]*&)?id=(?P<id>[\w-]+)",
        "https://openreview.net/forum?id={id}",
    ),
    _site(
        "neurips",
        r"(?:papers\.nips\.cc|proceedings\.neurips\.cc)/paper(?:_files/paper)?/"
        r"(?P<year>\d{4})/(?:hash|file)/(?P<hash>[0-9a-f]{32})",
        "https://proceedings.neurips.cc/paper/{year}/hash/{hash}",
    ),
    _site(
        "neurips-legacy",
        r"papers\.(?:nips\.cc|neurips\.cc)/paper/(?P<slug>\d+-[\w-]+?)(?:\.pdf)?$",
        "https://papers.nips.cc/paper/{slug}",
    ),
    _site(
        "pmlr",
        r"proceedings\.mlr\.press/(?P<volume>v\d+)/(?P<key>[a-z]+\d+[a-z]*)",
        "https://proceedings.mlr.press/{volume}/{key}.html",
    ),
    _site(
        # PMLR serves its proceedings from GitHub Pages: a volume's repository holds its PDFs
        "pmlr",
        r"(?:github\.com/mlresearch/(?P<volume>v\d+)/(?:blob|raw)/gh-pages|"
        r"raw\.githubusercontent\.com/mlresearch/(?P<volume2>v\d+)/gh-pages)/"
        r"(?P<key>[a-z]+\d+[a-z]*)\.pdf",
        "https://proceedings.mlr.press/{volume}{volume2}/{key}.html",
    ),
    _site(
        "jmlr",
        r"jmlr\.org/papers/(?:volume|v)(?P<volume>\d+)/(?P<key>[\w-]+?)"
        r"(?:\.html|\.pdf|/(?P=key)\.pdf|/)?$",
        "https://jmlr.org/papers/v{volume}/{key}.html",
    ),
    _site(
        "acl",
        r"(?:aclanthology\.org|aclweb\.org/anthology)/(?P<id>\d{4}\.[\w-]+\.\d+|"
        r"[A-Z]\d{2}-\d{4})",
        "https://aclanthology.org/{id}",
    ),
    _site(
        "cvf",
        r"openaccess\.thecvf\.com/(?P<path>content[\w/]*?)/(?:html|papers)/"
        r"(?P<name>[\w.-]+?)_paper\.(?:html|pdf)",
        "https://openaccess.thecvf.com/{path}/html/{name}_paper.html",
    ),
    _site(
        "ieee",
        r"ieeexplore\.ieee\.org/(?:abstract/|stamp/stamp\.jsp\?[^#]*?arnumber=|"
        r"xpls/abs_all\.jsp\?arnumber=|lpdocs/epic03/wrapper\.htm\?arnumber=|document/|"
        r"iel\d+/\d+/\d+/0*(?=\d+\.pdf))"
        r"(?:document/)?(?P<id>\d+)",
        "https://ieeexplore.ieee.org/document/{id}",
    ),
    _site(
        "semantic-scholar",
        r"(?:api\.)?semanticscholar\.org/(?:paper/(?:[^/]+/)?|reader/)"
        r"(?P<id>[0-9a-f]{40})",
        "https://www.semanticscholar.org/paper/{id}",
    ),
    _site(
        "pubmed",
        r"(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/)(?P<id>\d+)",
        "https://pubmed.ncbi.nlm.nih.gov/{id}",
    ),
    _site(
        "pmc",
        r"(?:pmc\.ncbi\.nlm\.nih\.gov/articles/|ncbi\.nlm\.nih\.gov/pmc/articles/)"
        r"(?P<id>PMC\d+)",
        "https://pmc.ncbi.nlm.nih.gov/articles/{id}",
    ),
    _site(
        "citeseerx",
        r"citeseerx?\.ist\.psu\.edu/viewdoc/\w+[^?#/]*\?(?:[^#]*&)?"
        r"doi=(?P<id>10\.1\.1\.[\d.]+\d)",
        "https://citeseerx.ist.psu.edu/viewdoc/summary?doi={id}",
    ),
    _site(
        "ads",
        # Not a record of software (the ASCL's `2013ascl.soft03002S`) or of a Zenodo deposit.
        # ... and Science Explorer (SciX), its successor's front end: `scixplorer.org/abs/...`
        # Its older hosts and forms name a record by the same bibcode: the scanned article
        # (`articles.adsabs.harvard.edu/pdf/...`, `/full/...`, `cgi-bin/nph-iarticle_query?`),
        # ADS Labs' pages (`labs.adsabs.harvard.edu/ui/abs/...`) and the classic abstract
        # query (`cgi-bin/nph-bib_query?bibcode=...`).
        r"(?:(?:(?:ui|articles|labs)\.)?adsabs\.harvard\.edu/(?:ui/)?"
        r"(?:#?abs/|full/|pdf/|cgi-bin/nph-(?:bib|iarticle)_query\?(?:(?:[^#]*?&)?bibcode=)?)"
        r"|scixplorer\.org/abs/)"
        r"(?P<bibcode>\d{4}(?!ascl\.soft|zndo\.)(?:[\w.&]|%26){14,15})",
        "https://ui.adsabs.harvard.edu/abs/{bibcode}",
    ),
    _site(
        "jstor",
        r"jstor\.org/stable/(?:pdf/)?(?P<id>\d+)(?:\.pdf)?(?:[?#].*)?$",
        "https://www.jstor.org/stable/{id}",
    ),
    _site(
        # ... and Elsevier's resolver of the same article identifier (PII), which reference
        # managers write for its articles (`Retrieved from http://linkinghub.elsevier.com/
        # retrieve/pii/S0925231206004577`): one key with the article's page.
        "sciencedirect",
        r"(?:sciencedirect\.com/science/article/(?:abs/|am/)?pii/"
        r"|linkinghub\.elsevier\.com/retrieve/pii/)(?P<pii>[0-9A-Z]{10,20}X?)",
        "https://www.sciencedirect.com/science/article/pii/{pii}",
    ),
    _site(
        "oup",
        r"academic\.oup\.com/(?P<journal>[\w-]+)/article(?:-abstract|-pdf)?/"
        r"(?P<path>\d+/\d+/\d+/\d+)",
        "https://academic.oup.com/{journal}/article/{path}",
    ),
    _site(
        "hal",
        r"(?:hal\.science|(?:hal|tel)\.archives-ouvertes\.fr|hal\.inria\.fr|"
        r"[\w-]+\.hal\.science|hal-[\w-]+\.archives-ouvertes\.fr)/"
        # A collection's code may stand before the record: `/LISV/hal-03015762v1`.
        r"(?:[\w-]+/)?(?P<id>(?:hal|tel|inria|cea|halshs|lirmm|in2p3|pasteur|insu|ujm)-\d{8})",
        "https://hal.science/{id}",
    ),
    _site(
        "researchgate",
        r"researchgate\.net/(?:profile/[^/]+/)?publication/(?P<id>\d+)",
        "https://www.researchgate.net/publication/{id}",
    ),
    _site(
        "dblp",
        r"dblp\.(?:org|uni-trier\.de)/rec/(?:html/|bibtex/|xml/)?"
        r"(?P<key>(?:conf|journals)/[\w/-]+?)(?:\.html|\.bib|\.xml)?$",
        "https://dblp.org/rec/{key}",
    ),
)
_NEEDLES = (
    "openreview",
    "nips.cc",
    "neurips",
    "mlr.press",
    "mlresearch",
    "jmlr",
    "aclanthology",
    "aclweb",
    "thecvf",
    "ieeexplore",
    "semanticscholar",
    "ncbi.nlm.nih.gov",
    "dblp.",
    "citeseer",
    "adsabs",
    "scixplorer",
    "jstor",
    "sciencedirect",
    "linkinghub",
    "oup.com",
    "hal.",
    "archives-ouvertes",
    "researchgate",
)


class PaperUrlExtractor:
    """Finds links to papers on proceedings and archive sites."""

    rule: ClassVar[str] = "CG103"
    kind: ClassVar[RefKind] = RefKind.URL
    VALID: ClassVar[tuple[str, ...]] = (
        "https://openreview.net/forum?id=rJ4km2R5t7",
        "https://openreview.net/pdf?id=rJ4km2R5t7",
        "https://papers.nips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html",
        "http://proceedings.mlr.press/v37/ioffe15.pdf",
        "https://aclanthology.org/N19-1423.pdf",
        "https://www.aclweb.org/anthology/2020.acl-main.447/",
        "https://ieeexplore.ieee.org/document/726791",
        "https://ieeexplore.ieee.org/iel1/5/4083/00158601.pdf",
        "https://ieeexplore.ieee.org/lpdocs/epic03/wrapper.htm?arnumber=4309314",
        "https://openaccess.thecvf.com/content_cvpr_2016/papers/He_Deep_Residual_Learning_CVPR_"
        "2016_paper.pdf",
        "https://pubmed.ncbi.nlm.nih.gov/10463930/",
        "https://www.jmlr.org/papers/v15/srivastava14a.html",
        "https://jmlr.org/papers/volume15/srivastava14a/srivastava14a.pdf",
        "http://citeseerx.ist.psu.edu/viewdoc/download?doi=10.1.1.72.9610&rep=rep1&type=pdf",
        "<https://ui.adsabs.harvard.edu/abs/2011arXiv1102.0822M>",
        "`Gunn & Gott 1972 <http://scixplorer.org/abs/1972ApJ...176....1G>`__",
        "https://articles.adsabs.harvard.edu/pdf/1972ApJ...178..347B",
        "http://labs.adsabs.harvard.edu/ui/abs/2011ApJ...732..122B",
        "http://adsabs.harvard.edu/cgi-bin/nph-bib_query?bibcode=1998ApJ...500..525S",
        "http://www.cs.toronto.edu/~hinton/absps/fastnc.pdf",
        "https://www.jstor.org/stable/2285309",
        "http://www.sciencedirect.com/science/article/pii/S0012365X01001807",
        "https://hal.archives-ouvertes.fr/hal-01168816",
        "https://hdl.handle.net/1721.1/1301",
        "https://apps.dtic.mil/sti/tr/pdf/ADA953296.pdf",
        "https://www.microsoft.com/en-us/research/publication/a-fast-algorithm/",
        "Smith, J. (2004). Fast sketches. In Proc. SODA. http://www.example.edu/~smith/papers/"
        "sketch.html",
        "https://web.archive.org/web/2017/http://www.stats.ox.ac.uk/~snijders/Trans_Triads_ha.pdf",
        "http://www.bepress.com/deptstats/paper42/",
        "https://www.scielo.br/j/abc/a/Qw3RtY7uIoP9aSdF/?lang=en",
        "https://someone.github.io/papers/bump_mapping.pdf",
        "https://jcgt.org/published/0007/04/01/",
        "https://escholarship.org/uc/item/8nq2g2s1",
        "https://hrcak.srce.hr/132323",
        "the [recommendation](ftp://athena.example.cz/ZFG/grs80-Moritz.pdf) of the IUGG",
        "https://www.example.edu/docs/techreports/2002/pdf/UUCS-02-001.pdf",
    )
    INVALID: ClassVar[tuple[str, ...]] = (
        "https://github.com/org/repo/issues/12",
        "IEEE Std 754-2019, https://ieeexplore.ieee.org/document/8766229",
        "ISO/IEC 14882:2020 https://www.example.net/files/79358.pdf",
        "https://openreview.net/group?id=ICLR.cc",
        "https://docs.scipy.org/doc/scipy/reference/",
        "https://ieeexplore.ieee.org/",
        "https://pages.cs.wisc.edu/~deboor/887/lec1new.pdf",
        "https://www.cs.upc.edu/~erodri/webpage/cps/theory/lp/milp/slides.pdf",
        "https://ocw.mit.edu/courses/15-084j/lecture-notes/lec14_int_pt_mthd.pdf",
        "https://docs.scipy.org/doc/external/odrpack_guide.pdf",
        "https://mathworld.wolfram.com/BesselFunction.html",
        "http://www.open-std.org/jtc1/sc22/wg21/docs/papers/2013/n3626.pdf",
        "https://cran.r-project.org/web/packages/CircStats/CircStats.pdf",
        "https://www.example.edu/~smith/papers/",
        "https://ai.googleblog.com/2017/08/transformer.html",
        "http://users.cecs.anu.edu.au/~bdm/data/formats.html",
        "https://www.example.edu/figures/plot.png",
        "https://www.example.net/products/Example-Public-License-1.1.0.pdf",
        "https://www.example.net/static/publications/stylemanual1989.pdf",
        "https://www.example.edu/astro/Stat310_0910/notes_mle.pdf",
        "https://someone.github.io/project/docs/api.html",
        "https://eqworld.ipmnet.ru/en/solutions/ode/ode0106.pdf",
        "https://www.agner.org/optimize/instruction_tables.pdf",
        "https://webstore.iec.ch/publication/6169",
        "https://ui.adsabs.harvard.edu/abs/2013ascl.soft03002S/abstract",
        "https://ui.adsabs.harvard.edu/abs/2020zndo...3932270A",
        "http://medical.nema.org/dicom/2004/04_14PU.PDF",
        "http://www.example.net/media/CameraUserManualv6.pdf",
        "http://www.example.net/uploads/documents/cm121_bed-anleitung_engl.pdf",
        "http://www.example.net/HD/SMPTE%20normes%20et%20confs/s240m.pdf",
        "https://www.example.net/events/colorimetry/Smith_Workshop-July4.pdf",
        "http://www.example.edu/system/media_files/binaries/5/original/ptf_irsaibeguide.pdf",
    )

    def find(self, text: str) -> Iterator[Hit]:
        """Yield one hit per paper link: keyed by the site's canonical URL on a named site,
        else by the link itself when its shape and entry say it is a paper."""
        lowered = text.lower()
        if "http" not in lowered and "www." not in lowered and "ftp://" not in lowered:
            return
        named_sites = any(needle in lowered for needle in _NEEDLES)
        for start, end, url in iter_urls(text):
            key = _site_key(url) if named_sites else None
            if key is not None and names_a_standard(entry_around(text, start, end)):
                continue  # `IEEE Std 754-2019, https://ieeexplore.ieee.org/document/8766229`
            if key is None and is_paper_link(url, entry_around(text, start, end)):
                inner = unwrap_archive(url)
                key = normalize_url(inner if "://" in inner else "https://" + inner)
            if key is not None:
                yield Hit(start, end, self.kind, self.rule, ref=PaperRef(RefKind.URL, key))


# An ADS record of an arXiv e-print: its bibcode holds the arXiv id (`2012arXiv1207.5578S`,
# `2017arXiv170704476B` for five-digit numbers).
_ADS_ARXIV = re.compile(
    r"^url:https://ui\.adsabs\.harvard\.edu/abs/\d{4}arXiv(?P<id>\d{4}\.\d{4}|\d{9})[A-Z.]$"
)


def arxiv_alias(key: str) -> str | None:
    """The arXiv key of the e-print a paper link's key names in another form (an ADS record
    of an arXiv bibcode), else None: a second link of the same work."""
    match = _ADS_ARXIV.match(key)
    if match is None:
        return None
    number = match["id"]
    return "arxiv:" + (number if "." in number else f"{number[:4]}.{number[4:]}")


def canonical_paper_url(url: str) -> str | None:
    """The canonical URL of a link to a named paper site (`https://proceedings.mlr.press/v37/
    ioffe15.html` for its PDF too), else None: one key per paper, whichever link was written."""
    return _site_key(url)


def _site_key(url: str) -> str | None:
    """The canonical key of a link to a named paper site, else None."""
    for site in SITES:
        match = site.pattern.match(url)
        if match:
            # `&` only occurs in ADS bibcodes (`A&A`); keep one spelling of it.
            parts = {k: (v or "").replace("%26", "&") for k, v in match.groupdict().items()}
            return normalize_url(site.canonical.format(**parts).replace("&", "%26"))
    return None
