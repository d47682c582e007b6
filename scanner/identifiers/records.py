"""DOIs that name no paper: standards always, and data and software repositories' unless
their entry calls the record a paper.

Zenodo, figshare, Dryad, PANGAEA, Dataverse, data centres and the like mint DOIs mostly for
software releases and data sets (`Pareto fronts can be downloaded from doi:10.5281/zenodo.N`,
`mylib v1.2 [Software]. Zenodo.`), which the reference convention does not count; now and then
for a report, preprint or thesis deposited there, which it does. A DOI of one of these
registrants is kept when the entry around it names a paper and nothing in it names data or
software.
Standards bodies' DOIs (IEEE, ASTM, SMPTE, BSI and DIN standards, RFCs) name a standard,
which is never counted.
"""

from __future__ import annotations

import re

# Registrants (and prefixes of their DOIs) that hold data and software, lowercased.
REPOSITORY_PREFIXES: tuple[str, ...] = (
    "10.5281/zenodo.",  # Zenodo
    "10.6084/m9.figshare.",  # figshare
    "10.5061/dryad.",  # Dryad
    "10.1594/pangaea.",  # PANGAEA
    "10.7910/dvn/",  # Harvard Dataverse
    "10.17632/",  # Mendeley Data
    "10.4121/",  # 4TU.ResearchData
    "10.5066/",  # USGS data releases
    "10.24433/",  # Code Ocean capsules
    "10.5524/",  # GigaScience's GigaDB
    "10.5522/04/",  # UCL's Research Data Repository (figshare-based)
    # Data centres, whose DOIs name data products: NASA's EOSDIS archives, Copernicus' Climate
    # Data Store, ORNL DAAC, NERC's and CEDA's archives, GBIF, UNAVCO, SEANOE, WDCC, the Cancer
    # Imaging Archive, OpenNeuro, the NSO's (GONG) data, CaltechDATA, Kaggle's data sets and
    # NOAA NCEI's data sets.
    "10.5067/",
    "10.24381/cds.",
    "10.3334/ornldaac/",
    "10.5285/",
    "10.15468/",
    "10.7283/",
    "10.17882/",
    "10.26050/wdcc/",
    "10.7937/",
    "10.18112/openneuro.",
    "10.25668/",
    "10.22002/d1.",
    "10.34740/kaggle/",
    "10.7289/v5",
    "10.25039/cie.ds.",  # the CIE's data sets
    # Astronomical archives: VizieR catalogues, MAST, IRSA; GFZ's and KNB's data.
    "10.26093/cds/vizier",
    "10.17909/",
    "10.26131/irsa",
    "10.5880/",
    "10.5063/",
    # Software: Bioconductor and CRAN packages.
    "10.18129/b9.bioc.",
    "10.32614/cran.package.",
)
# Registrant prefixes of standards: `10.1109/IEEESTD.2008.4610935` (IEEE 754-2008),
# `10.17487/RFC7946`.
# SMPTE's standards (`10.5594/SMPTE.ST2084.2014`), BSI's and DIN's; NIST's federal standards
# and its Special Publications 800 (`10.6028/NIST.FIPS.180-4`, `10.6028/NIST.SP.800-38D`),
# not its technical notes and reports (`10.6028/NIST.TN.1297`, `10.6028/NIST.IR.8214`).
STANDARD_PREFIXES: tuple[str, ...] = (
    "10.1109/ieeestd.",
    "10.17487/rfc",
    "10.5594/smpte.",
    "10.3403/",
    "10.31030/",
    "10.6028/nist.fips.",
    "10.6028/nist.sp.800-",
)
# Standards named by their designation under a registrant that also publishes papers: ASTM's
# (`10.1520/E0308-15`, not its journals' `10.1520/JTE...`) and SMPTE's by ISBN
# (`10.5594/S9781614821649`, not its journal's `10.5594/J11549`).
_STANDARD_DESIGNATIONS = re.compile(r"10\.1520/[a-g]\d{3,5}-\d{2}\S*|10\.5594/s97[89]\d{10}")
_PAPER_WORDS = re.compile(
    r"(?i)\b(?:papers?|articles?|preprints?|proceedings|journal|conference|symposium|workshop|"
    r"thesis|dissertation|(?:technical |tech\. )?reports?|manuscript|book|chapter)\b"
)
_NOT_PAPER_WORDS = re.compile(
    r"(?i)\b(?:data|datasets?|data sets?|databases?|software|code|source|releases?|versions?|"
    r"v\d+(?:\.\d+)+|packages?|toolbox|library|implementation|downloads?|downloaded|weights|"
    r"models?|notebooks?|supplement(?:ary)?|materials?|benchmarks?|files?|archive)\b"
)


def is_standard_doi(doi: str) -> bool:
    """Whether `doi` (lowercase) names a standard (IEEE standards, IETF RFCs)."""
    return doi.startswith(STANDARD_PREFIXES) or _STANDARD_DESIGNATIONS.fullmatch(doi) is not None


def is_repository_doi(doi: str) -> bool:
    """Whether `doi` (lowercase) was minted by a data or software repository."""
    return doi.startswith(REPOSITORY_PREFIXES)


def cites_deposited_paper(entry: str) -> bool:
    """Whether the entry around a repository DOI cites a paper deposited there: it names a
    paper (report, preprint, thesis, article...) and no data, software or release."""
    return _PAPER_WORDS.search(entry) is not None and _NOT_PAPER_WORDS.search(entry) is None
