"""Whether a link on any host is the paper itself, read from its shape and its entry.

CG103's named sites (`urls.SITES`) give canonical keys for proceedings and archives; most paper
links in code point elsewhere: a PDF on an author's, lab's or institution's site, a journal's
own article page, an open repository record, a company's research publication page, a
technical report. They are told from the many links that are not papers (documentation, blogs,
slides, lecture notes, course pages, software homepages, datasets, standards) by rules kept as
data here, in this order:

0. A page of an online reference work (DLMF, the NIST e-Handbook): a reference.
1. A vetoed host (code, Q&A, encyclopedia, reference sites, standards bodies) or a file type
   that is no paper (images, data, archives, source code): not a paper.
2. A path word that names a non-paper (`slides`, `lecture`, `docs`, `blog`, `course`,
   `license`, `manual`, ...): not a paper, unless a paper folder or a paper's file name stands
   deeper in the path (`/docs/techreports/x.pdf`, `/blog/files/thesis.pdf`); `guide` yields to
   a paper folder anywhere, a PDF's `data` folder and query parameter names do not count;
   then the words before the link (or a reST/Markdown link text on the line before it) that
   call it slides, docs, a homepage, a file format...; then license wording in its paragraph.
3. A paper page shape (`jstor.org/stable/N`, `.../science/article/pii/...`, a DSpace handle, a
   HAL record, `/publication/`, `citation.cfm?id=`, ...): a paper.
4. A PDF or PostScript file: a paper (technical reports and preprints are hosted as PDFs).
5. A paper folder in the path (`/papers/`, `/publications/`, `/pubs/`, `/~user/.../reprints/`;
   not on an FTP server), an Internet Archive item or a numbered repository record, with an
   entry around the link that reads like a reference (a year, `et al`, a quoted title, words
   such as proceedings or journal): a paper.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from catalog.works import reference_work_of
from scanner.identifiers.hosts import is_ordinary_link

# Hosts that serve reference pages, software or standards, never a paper.
_VETOED_HOSTS = (
    "mathworld.wolfram.com", "functions.wolfram.com", "wolframalpha.com", "reference.wolfram.com",
    "documents.wolfram.com", "oeis.org", "open-std.org", "isocpp.org", "iso.org", "ietf.org",
    "rfc-editor.org", "itu.int", "unicode.org", "ecma-international.org", "khronos.org", "ivoa.net",
    "cran.r-project.org", "mathworks.com", "numpy.org", "scipy.org", "pytorch.org",
    "tensorflow.org", "jax.dev", "openxla.org", "nvidia.com", "boost.org", "gnu.org",
    "rosettacode.org", "codecov.io", "shields.io", "medium.com",
    "towardsdatascience.com", "blogspot.com", "wordpress.com", "substack.com", "twitter.com",
    "x.com", "reddit.com", "kaggle.com", "huggingface.co", "colab.research.google.com",
    "docs.google.com", "drive.google.com", "slideshare.net", "speakerdeck.com", "mapbox.com",
    "activestate.com", "microsoft.com/en-us/download", "agner.org", "uops.info",
    "felixcloutier.com", "eqworld.ipmnet.ru", "software.intel.com",
    "intel.com/content/www/us/en/docs", "developer.arm.com", "llvm.org/docs", "godbolt.org",
    "quick-bench.com", "cdrdv2.intel.com", "cdrdv2-public.intel.com", "ti.com/lit",
    "intel.com/content/www/us/en/developer",
    # Standards bodies and their stores: IEC, SMPTE, ANSI, ASTM, ETSI, EBU, ARIB, OGC, CIE, and
    # DICOM on NEMA's sites.
    "iec.ch", "smpte.org", "ansi.org", "astm.org", "etsi.org", "ebu.ch", "arib.or.jp",
    "ogc.org", "opengeospatial.org", "cie.co.at", "nema.org", "standards.ieee.org",
    # the Standards for Efficient Cryptography Group (SEC 1, SEC 2)
    "secg.org",
    # Software distributions' stores of package sources: a PDF there is a package's document.
    "src.fedoraproject.org", "sources.debian.org", "fossies.org",
)  # fmt: skip
# File types that are never a paper.
# (`x.ps.gz` is compressed PostScript, a paper's format.)
_NOT_PAPER_FILES = re.compile(
    r"(?i)(?<!\.ps)\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|ico|mp4|webm|mp3|wav|csv|tsv|json|xml|"
    r"ya?ml|txt|dat|mat|npz|npy|h5|hdf5|nc|fits|zip|tar|gz|tgz|bz2|xz|7z|whl|exe|dmg|py|ipynb|c|h|"
    r"cc|cpp|hpp|js|ts|java|go|rs|f|f90|m|r|sh|ppt|pptx|key|docx?|xlsx?)$"
)
# Path words that name what is not a paper: teaching material, talks, documentation, software
# pages, data. Matched as whole words of the lowercased path.
_NOT_PAPER_WORDS = re.compile(
    r"(?<![a-z])lect?[_-]?\d+|course|cours/|lectur|seminar|moodle|syllab|homework|tutorial|"
    # (`standard`, not the `nonstandard` of a paper's title.)
    r"slide|handout|(?<![a-z])standard|specification|"
    # A folder or file of format specifications (`/hts-specs/tabix.pdf`, `spec_v2.pdf`).
    r"(?<![a-z])specs?(?![a-z\d])|"
    r"(?:spring|fall|autumn|winter|summer)[_-]?(?:19|20)?\d\d|"
    # A term as a whole path segment, the folder of one offering of a course: `/fa18/`,
    # `/spr05/`, `/2018fa/`. (One letter is a proceedings' volume: ACL's `/W94/`, `/P19/`; a
    # year before the season's full name a library's, `2000_spring/`.)
    r"/(?:wi|win|sp|spr|su|sum|fa|fal|au|aut)[_-]?(?:19|20)?\d\d/|"
    r"/(?:19|20)\d\d[_-]?(?:wi|sp|su|fa|au)/|"
    # A course's folder of lectures (`/189/lec/12.pdf`).
    r"/lecs?/|"
    # Coursework other than lectures: assignments, problem sets, recitations, scribe notes.
    r"(?<![a-z])(?:assignments?|psets?|problem[_-]?sets?|recitations?|scribes?|exercises?)"
    r"(?![a-z])|"
    # Teaching in other languages (German `Vorlesung`, `Veranstaltungen`, `Übung`; French
    # `enseignement`), and license texts (`eGenix.com-Public-License-1.1.0.pdf`, `eula.pdf`).
    r"vorlesung|veranstaltung|uebung|übung|enseignement|opinnot|semester|(?<![a-z])kurs(?![a-z])|"
    r"/emner/|kompendi|/education/|(?<=[a-z])notes(?![a-z])|(?<![a-z])lehre(?![a-z])|"
    r"licen[cs]e|eula\b|manuals?(?![a-z])|"
    # A user's manual named in one word, with its version (`FilmicProUserManualv6.pdf`).
    r"(?:user|owner|instruction|reference)s?[_-]?manual|manual(?=v\d)|"
    # Manuals in German (`bed-anleitung_engl.pdf`, `Handbuch`).
    r"anleitung|handbuch|"
    # Standards in French (`SMPTE normes et confs/`), and an event's pages (talks, workshops).
    r"(?<![a-z])normes?(?![a-z])|/events?/|"
    # A course number with its term: `2233-S99`, `cs229_f19`.
    r"/(?:[a-z]{0,5})?\d{3,4}[-_](?:s|f|w|sp|fa|su|wi)\d{2}/|"
    r"users?_?-?guide|techdocs|presentations?(?![a-z])|faqs?(?![a-z])|keynote|webinar|"
    # Vendors' white papers and federal standards (`nist.fips.197.pdf`), and the documents of
    # a standards body's working group (`/wg8home/Documents/WG80462.pdf`).
    r"white[_-]?papers?|(?<![a-z])fips(?![a-z])|(?<![a-z])std(?![a-z])|(?<![a-z])wg\d+|"
    # NIST's Special Publications 800 (recommendations and guidelines that serve as federal
    # standards), by their file or folder: `NIST.SP.800-38D.pdf`, `sp800-38a.pdf`,
    # `/nistpubs/800-38a/`, `/pubs/sp/800/38/e/final`.
    r"(?<![a-z])(?:nist\.)?sp[-_.]?800[-_.]\d|/nistpubs/800-\d|/pubs/sp/800/|"
    # Vendors' application notes and errata.
    r"application[_-]?notes?|(?<![a-z])app[_-]?notes?(?![a-z])|(?<![a-z])errata(?![a-z])|"
    # A course number as a whole path segment: `stat315a`, `~cse835`, `am121`, `15-084j`,
    # or with its term: `Stat310_0910`, `cs229-2019`.
    # (`paper087`, `tr123` and `vol123` are numbers of papers and volumes, not courses; a home
    # directory is a course's only under a department's code: `~cse835`, not `~wangx346`.)
    # A course's home directory under a department's code with a four-digit number:
    # `~cis5150`, `~cs4705`.
    r"/~(?:cse?|cis|cos|ece|ee|eecs|math|stats?|am|ams|phys|econ|psy|cmsc|comp|csc|ma|st|is)"
    r"[-_]?\d{4}[a-z]?/|"
    r"/(?:~(?=(?:cse?|ece|ee|eecs|math|stats?|am|ams|phys|econ|psy|cmsc|comp|csc|ma|st|is)"
    r"[-_]?\d{3}))?(?!(?:paper|art|tr|vol|no)\d)(?:[a-z]{1,5}[-_]?|\d{2}-)\d{3}[a-z]?"
    r"(?:[_-](?:19|20)?\d{2}(?:\d{2})?)?/|"
    r"(?<![a-z])(?:slides?|lectures?|lect|notes|classes|handouts?|courses?|teach|teaching|class|"
    r"syllabus|homework|hw\d*|tutorials?|talks?|posters?|webfoils|foils|manuals?\d*|"
    r"datasheets?|docs?|documentation|api|reference|vignettes|blog|blogs|news|wiki|"
    r"software|code|releases?|install|data|datasets?|images?|img|static/img|"
    r"figures?|issues|forum|questions|day\d+|week\d+|exam|quiz|cheat-?sheet)(?![a-z])|"
    # A paper's supplementary material (`x-supp.pdf`, `/supplemental/`): not the paper, and
    # beside it a second link of the same work; a file format's description
    # (`file-formats.pdf`); a user's guide's folder (`/ug/appb.pdf`).
    # (Not a journal's supplement issue, which holds papers: `/suppl_1/`.)
    r"(?<![a-z])supp(?:l|lement|lemental|lementary|mat)?(?![a-z]|[_.]?\d)|"
    r"(?<![a-z])file[_-]?formats?(?![a-z])|/ug/"
)
# Path words that name a non-paper in general but also stand in the titles of reports that
# authors keep among their papers (`~user/papers/guide/guide.pdf`, a technical report titled
# "A Practical Guide to ..."), or name the folder a lab serves its papers from
# (`/publications/downloads/x.pdf`): a paper folder anywhere in the path overrides them. A file
# named a guide in one word (`ptf_irsaibeguide.pdf`, `UserGuide.pdf`) is one too.
_WEAK_NOT_PAPER_WORDS = re.compile(
    r"(?<![a-z])(?:guides?|downloads?)(?![a-z])|guide(?=\.(?:pdf|html?)$)"
)
# A company's folders of product documents, marketing and support files on its own site
# (`adobe.com/digitalimag/pdfs/`, `dolby.com/siteassets/pdfs/`, `.../support/lut/`): data
# sheets, white papers and specifications, not papers, unless a paper folder, a journal's or a
# proceedings' stands deeper (a publisher's `/pdfs/journals/...`). (A site's `/assets/` holds
# what its pages link, a trade magazine's articles too.)
_VENDOR_FOLDERS = re.compile(
    r"(?i)^[\w.-]+\.(?:com|net)/(?:[^?#]*/)?"
    r"(?:pdfs?|siteassets|attachments|campaigns|brochures?|marketing|support)/"
)
# A journal's or a proceedings' folder: `/pdfs/journals/lancet/`, `/support/.../
# users-conference-proceedings/2019/`.
_JOURNAL_FOLDER = re.compile(r"(?i)/(?:journals?|[^/]*proceedings[^/]*)/")


def _vendor_document(where: str) -> bool:
    """Whether `where` (host and lowercased path) is a file in a company's document folders."""
    vendor = _VENDOR_FOLDERS.match(where)
    if vendor is None:
        return False
    deeper = vendor.end() - 1
    return _PAPER_FOLDERS.search(where, deeper) is None and not _JOURNAL_FOLDER.search(
        where, deeper
    )


# Paper pages on journals', repositories' and companies' sites, recognised by their shape.
_PAPER_PAGES = re.compile(
    r"(?ix)^(?:[\w.-]+\.)?(?:"
    r"jstor\.org/stable/\d+"
    r"|sciencedirect\.com/science/article/"
    r"|(?:pnas|science|sciencemag|[\w-]+\.oxfordjournals)\.org/content/(?:early/)?\d+/\d+"
    r"|projecteuclid\.org/(?:euclid\.|journals/[\w-]+/volume-|download/pdf)"
    r"|researchgate\.net/publication/\d+"
    # Mendeley's catalogue page of one paper, named by its title's words (not its data sets,
    # `data.mendeley.com`)
    r"|(?<!data\.)mendeley\.com/catalog/[a-z0-9]+(?:-[a-z0-9]+)+/?$"
    r"|academia\.edu/\d+/[A-Za-z][\w-]+"
    r"|hdl\.handle\.net/\d+(?:\.\d+)*/\S+"
    r"|[\w.-]+/(?:dspace/)?(?:bitstream/)?handle/\d+(?:\.\d+)*/\d+"
    r"|hal(?:\.science|\.archives-ouvertes\.fr|\.inria\.fr|-[\w-]+\.archives-ouvertes\.fr)"
    r"/(?:[\w-]+/)?(?:hal|tel|inria|cea|halshs|lirmm|in2p3|pasteur|insu|ujm)-\d+"
    r"|academic\.oup\.com/[\w-]+/article"
    r"|ams\.org/journals/"
    r"|aanda\.org/articles/"
    r"|jstatsoft\.org/(?:v\d+/[ia]\d+|article/view/)"
    r"|eccc\.(?:hpi-web\.de|weizmann\.ac\.il)/(?:eccc-)?reports?/\d{4}/\d+"
    r"|(?:pr[a-e]|prl|prx|rmp|link)\.aps\.org/abstract/"
    r"|core\.ac\.uk/(?:reader|display|works|outputs)/\d+"
    r"|osf\.io/preprints/[\w-]+/\w{5}"
    r"|chemrxiv\.org/engage/chemrxiv/article-details/[0-9a-f]{24}"
    r"|cell\.com/[\w-]+/(?:fulltext|abstract|pdf)/S\d{4}-\d{3}[\dX]\(\d{2}\)\d{5}-[\dX]"
    # A research portal's publication page (Elsevier Pure): `/en/publications/<title-slug>`.
    r"|[\w.-]+/(?:en|da|nl|de|fi|sv|no)/publications/[a-z0-9%-]+-[a-z0-9%-]+/?$"
    # A lab's or a company's page of one publication, named by five or more words of its
    # title (`/publications/adding-a-solar-radiance-function-to-the-sky-model/`): not the
    # list itself, nor a file in it.
    r"|[\w.-]+/(?:[\w.~-]+/)*publications?/[a-z0-9]+(?:-[a-z0-9]+){4,}/?$"
    r"|resolver\.tudelft\.nl/uuid:"
    r"|[\w.-]+/article/view/\w+"
    r"|openproceedings\.org/\d{4}/"
    r"|(?:dl|portal)\.acm\.org/citation\.cfm\?"
    r"|eprint\.iacr\.org/\d{4}/\d+"
    r"|(?:papers\.)?ssrn\.com/(?:abstract=|sol3/papers\.cfm\?abstract_id=)\d+"
    r"|mpra\.ub\.uni-muenchen\.de/\d+"
    r"|(?:www\.)?vldb\.org/(?:pvldb/|conf/\d{4}/)"
    r"|(?:ojs\.)?aaai\.org/(?:index\.php/AAAI/article/|Papers/|Library/|ocs/index\.php/)"
    r"|ijcai\.org/(?:proceedings|Proceedings|papers)/"
    r"|usenix\.org/(?:conference/[\w-]+/presentation/|legacy/(?:event|publications)/|"
    r"system/files/conference/)"
    r"|isca-(?:speech|archive)\.org/archive"
    r"|bmva\.org/bmvc/\d{4}/"
    r"|cv-foundation\.org/openaccess/"
    r"|distill\.pub/\d{4}/[\w-]+"
    r"|jcgt\.org/published/\d{4}/\d+/\d+"
    # Publishers' and repositories' article pages without a DOI in the link.
    r"|escholarship\.org/uc/item/\w+"
    r"|muse\.jhu\.edu/(?:pub/\d+/)?(?:book|article)/\d+"
    r"|osti\.gov/(?:biblio|servlets/purl)/\d+"
    r"|ntrs\.nasa\.gov/(?:citations|api/citations)/\d+"
    r"|mdpi\.com/\d{4}-\d{3}[\dx]/\d+/\d+/\d+"
    r"|elifesciences\.org/articles/\d+"
    r"|nowpublishers\.com/article/"
    r"|cambridge\.org/core/(?:journals|books)/[\w-]+/article/"
    r"|(?:osapublishing|opg\.optica)\.org/\w+/(?:abstract|fulltext|viewmedia)\.cfm\?uri="
    r"|proquest\.com/docview/\d+"
    r"|tel\.archives-ouvertes\.fr/tel-\d+"
    r"|(?:repository|digitalcommons|scholarworks|scholarship|commons)\.[\w.-]+/[\w-]+/\d+/?$"
    r"|research\.google(?:\.com)?/pubs/"
    r"|microsoft\.com/(?:[a-z]{2}-[a-z]{2}/)?research/(?:publication|wp-content/uploads)/"
    r"|(?:ai\.meta|research\.facebook)\.com/(?:research/)?publications/"
    r"|machinelearning\.apple\.com/research/"
    r"|deepmind\.(?:com|google)/(?:research/)?publications/"
    r"|citeseerx?\.ist\.psu\.edu/"
    r"|pdfs\.semanticscholar\.org/[0-9a-f]{4}/"
    r"|biodiversitylibrary\.org/(?:page|part|item)/\d+"
    r"|numdam\.org/item"
    # Croatia's portal of scholarly journals (Hrčak): an article's record.
    r"|hrcak\.srce\.hr/(?:clanak/)?\d+"
    # Invenio repositories' records: EPFL's Infoscience, CERN's Document Server, INSPIRE.
    r"|(?:infoscience\.epfl\.ch|cds\.cern\.ch)/record/\d+"
    r"|inspirehep\.net/(?:literature|record)/\d+"
    r"|zbmath\.org/\?q=an:"
    r"|mathnet\.ru/"
    r"|(?:ideas|econpapers)\.repec\.org/(?:RePEc:|[ap]/)"
    # Institutional repositories: bepress working papers, Digital Commons and EPrints records.
    r"|(?:[\w-]+\.)?bepress\.com/[\w-]+/(?:paper|art)\d+"
    r"|[\w.-]+/cgi/viewcontent\.cgi\?(?:[^#]*&)?article=\d+"
    r"|[\w.-]+/id/eprint/\d+"
    r"|scielo\.[\w.]+/(?:j/[\w-]+/a/\w+|scielo\.php\?(?:[^#]*&)?pid=S)"
    r"|journals?\.[\w.-]+/(?:index\.php/[\w-]+/)?(?:article|archive|doi|content)/"
    # A journal's article page by its year and number (`/journals/<journal>/2011/724697/`).
    r"|[\w.-]+/journals/[a-z][\w-]*/(?:19|20)\d\d/\d{3,}/?$"
    r")"
)
# Paper sites whose links hold a word that vetoes other links (`doc`, `data`), and research
# labs' paper pages on hosts otherwise vetoed for their documentation.
_PAPER_SITES_FIRST = re.compile(
    r"(?i)^(?:research\.nvidia\.com/(?:labs/[\w-]+/)?publication/[\w-]+"
    r"|storage\.googleapis\.com/pub-tools-public-publication-data/pdf/"
    r"|citeseerx?\.ist\.psu\.edu/(?:doc|document|viewdoc)\b"
    r"|(?:proceedings\.)?mlsys\.org/(?:Conferences/\d{4}/doc/|paper)"
    r"|peerj\.com/articles/(?:cs-)?\d+"
    r"|api\.semanticscholar\.org/CorpusID:\d+"
    r"|(?:www\.)?eudml\.org/doc/\d+"
    # CORE, the aggregator of open-access repositories, serves their papers' PDFs.
    r"|core\.ac\.uk/download/(?:pdf/)?\d+\.pdf"
    # USENIX's proceedings before its `/system/files/` era filed each paper under the meeting's
    # `/events/` folder, a word that vetoes other links (`events/fast10/tech/full_papers/x.pdf`).
    r"|(?:[\w-]+\.)?usenix\.org/(?:legacy/)?events?/[\w.-]+/tech/(?:final_files|full_papers)/"
    r"(?:[\w.-]+/)?[^/?#]+\.pdf"
    # Semantic Scholar's PDF mirror files papers under hex folders that read like course
    # codes (`/a596/`); CEUR-WS's workshop proceedings under volumes whose file names may
    # name the session (`Vol-74/files/FORUM_18.pdf`).
    r"|pdfs\.semanticscholar\.org/[0-9a-f]{4}/[0-9a-f]+\.pdf"
    r"|(?:www\.)?ceur-ws\.org/Vol-\d+/[\w./-]+\.pdf"
    r")"
)
_PDF = re.compile(r"(?i)\.(?:pdf|ps|ps\.gz|djvu)$|[?&](?:format|type)=pdf\b")
# Folders that hold papers: an author's or a lab's publication list.
_PAPER_FOLDERS = re.compile(
    r"(?i)/(?:papers?|publications?|pubs?|publis|pubfiles|absps|reprints|preprints?|"
    r"techreports?|tech-reports?|tr|reports|articles?|theses|thesis|research/files|"
    # a course's folder of the literature it reads (`/teaching/.../Literature/paper.pdf`; its
    # `readings` are often its own notes: MIT OpenCourseWare's)
    r"literature)/"
)
# Paper folders named in the plural, which list their papers when the link ends at them.
_LIST_FOLDER = re.compile(
    r"(?i)/(?:papers|publications|pubs|publis|pubfiles|absps|reprints|preprints|techreports|"
    r"tech-reports|tr|reports|articles|theses)/"
)
# A folder's index page, which lists what the folder holds.
_INDEX_PAGE = re.compile(r"(?i)(?:index|default)\.(?:php|s?html?|aspx?|cgi)")
# Pages that hold a paper when their entry reads like a reference (a year, authors, a venue):
# an Internet Archive item (`archive.org/details/jresv71Bn4p233`), a record of an institutional
# repository named by its number (`discovery.example.ac.uk/1482128/`).
_CUED_PAPER_PAGES = re.compile(
    r"(?i)^(?:archive\.org/details/\w+"
    r"|(?:eprints|discovery|repository|dspace|scholarworks|ir|irep|openaccess|orca|oro|"
    r"researchonline|research-repository|publications)\.[\w.-]+/(?:id/eprint/|pub/)?\d{3,}/?$)"
)
# A file named a thesis or a report, deeper than any folder: `/blog/files/thesis.pdf`.
_PAPER_FILE = re.compile(
    r"(?i)/[^/]*(?<![a-z])(?:(?:ms|msc|ma|phd|bsc|ba)?thesis|dissertation|techreport|tech-report|"
    r"preprint)(?![a-z])"
    r"[^/]*\.(?:pdf|ps)$"
    # a file named as a citation key: a surname, the year, a word of the title
    # (`/courses/cs687/williams92simple.pdf`, a paper a course reads)
    r"|/[a-z]{3,}(?:19|20)?\d\d[a-z]{3,}\.(?:pdf|ps)$"
)
# A reference-like entry around a link: a year, authors, a quoted title, bibliographic words.
_ENTRY_CUES = re.compile(
    r"(?i)(?<!\d)(?:1[89]|20)\d\d(?!\d)|\bet al\b|\"[^\"\n]{12,}\"|“[^”\n]{12,}”"
    r"|\b(?:paper|proceedings|proc\.|journal|trans\.|transactions|conference|symposium|"
    r"workshop|thesis|dissertation|technical report|tech\. rep|preprint|vol\.|pp\.)"
)
_LINKS_IN_ENTRY = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
_QUERY_NAMES = re.compile(r"(?<=[?&])[\w.-]+=")
_WAYBACK = re.compile(r"(?i)^(?:https?://)?(?:web|wayback)\.archive\.org/web/[\w*]+/(?P<inner>.+)$")
_SCHEME = re.compile(r"(?i)^(?:https?://|ftp://)?")
# Stands for the link inside its entry, so that what precedes it on its line can be read.
LINK_MARK = "\x00"


_ENTRY_BEFORE = 300
_ENTRY_AFTER = 200


def entry_around(text: str, start: int, end: int) -> str:
    """The text of the entry or paragraph a link stands in, the link replaced by `LINK_MARK`:
    back to the previous blank line and on to the next one, within a few hundred characters."""
    before = text[max(0, start - _ENTRY_BEFORE) : start]
    breaks = list(_PARAGRAPH_BREAK.finditer(before))
    after = text[end : end + _ENTRY_AFTER]
    following = _PARAGRAPH_BREAK.search(after)
    return (
        before[breaks[-1].start() + 1 if breaks else 0 :]
        + LINK_MARK
        + (after[: following.start()] if following else after)
    )


# A paragraph break: a blank line (the blanked ` *` of a comment keeps its spaces), or a line
# of paragraph markup only (Javadoc's `<p>`, Doxygen's `</para><para>`), in CRLF files too.
_PARAGRAPH_BREAK = re.compile(r"(?i)\n[ \t\r]*(?:</?(?:p|para|br)[ \t]*/?>[ \t\r]*)*(?=\n)")


def unwrap_archive(url: str) -> str:
    """The archived URL inside a Wayback Machine link, else `url` itself."""
    wayback = _WAYBACK.match(url)
    return wayback["inner"] if wayback else url


# What the line before a link may call it when it is not a paper.
_ENTRY_VETO = re.compile(
    r"(?i)\b(?:slides?|lecture|course|class notes|'s notes|tutorial|blog|documentation|docs|"
    r"manual|guide(?! to\b)|datasheet|homepage|home page|web ?site|source code|implementation at|"
    # A homepage labelled so: `Web: http://...`, `Project page: http://...`.
    r"web(?=\s*:)|web ?page|project (?:page|site)|"
    r"code at|data at|dataset|package|(?:file|data) format|format spec\w*|specification|spec|"
    r"application note|supplementary|supplemental|"
    # Not the venue ACM Transactions on Mathematical Software, J. of Statistical Software.
    r"(?<!mathematical )(?<!math\. )(?<!statistical )software)\b[^\n]{0,60}$"
)


# What the words before a link call a standard, wherever it is hosted (IEEE publishes its
# standards on IEEE Xplore beside its papers): `IEEE Std 754-2019`, `IEEE Standard for ...`,
# `ISO/IEC 9899:2018`.
_STANDARD_LEAD = re.compile(
    r"(?i)\b(?:IEEE\s+Std\b|(?:IEEE|ANSI|ISO)\s+Standard\b|Standard\s+for\b|ISO/IEC\b|"
    r"ANSI/|ECMA-\d)[^\n]{0,80}$"
)


def names_a_standard(entry: str) -> bool:
    """Whether the words before the link in `entry` (as `is_paper_link` reads them) call it
    a standard."""
    return _STANDARD_LEAD.search(_lead(entry)) is not None


# A paragraph of license wording: its links are to the license (`CNRI's License Agreement ...
# may be located using the following URL: http://hdl.handle.net/...`), never to a paper.
_LICENSE_ENTRY = re.compile(
    r"(?i)\b(?:licen[cs]e agreement|this agreement|terms and conditions|licensed under|"
    r"under the licen[cs]e)\b"
)
# A lead that is only the opening of a link's markup: `<` of reST, `(` of Markdown.
_MARKUP_LEAD = re.compile(r"[\s<(\[\]`]*$")


def _lead(entry: str) -> str:
    """The words before the link on its line, or on the line before when the link opens its
    line inside a reST or Markdown link (`the IAU Style Manual` then `<https://...>`_)."""
    lines = entry.split(LINK_MARK, 1)[0].rsplit("\n", 2)
    if len(lines) > 1 and _MARKUP_LEAD.fullmatch(lines[-1]):
        return lines[-2] + " " + lines[-1]
    return lines[-1]


# The text a link is written under, which names what it is as a line's lead does: an HTML
# anchor's (`<a href="LINK">C++ implementation</a>`) or a Markdown link's (`[code](LINK)`).
_ANCHOR_LABEL = re.compile(r"(?i)\A[\"']?[^>\n]{0,60}>\s*([^<]{1,120}?)\s*</a\s*>")
_MARKDOWN_LABEL = re.compile(r"\[([^\[\]\n]{1,120})\]\(\s*\Z")
_LANGUAGES = r"(?:c|c\+\+|java|python|matlab|octave|r|fortran|julia|javascript|rust|go)"
# A label that is only the name of a program or another non-paper, perhaps with its author or
# place: `C++ Implementation by T. C.`, `Matlab code`, `Source code`, `Slides (PDF)`, `Project
# page`; not a paper's title that opens with such a word (`Implementation of ...`, `Software
# Aging in ...`, `Video Object Segmentation`).
_NOT_PAPER_LABEL = re.compile(
    rf"(?i)^(?:{_LANGUAGES}\s+)?(?:implementation|code|source(?: code)?|program|package|library|"
    r"software|toolbox|slides?|talk|video|poster|home ?page|project (?:page|site)|web ?site|"
    r"web ?page|documentation|docs|manual|blog(?: post)?|lecture notes?|course notes?|"
    r"supp(?:lement(?:al|ary)?)?(?: materials?)?)"
    r"(?:\s+(?:by|at|on|from|in)\b[^\n]*|\s*\([^)\n]*\))?\s*[.:]?$"
)


def _link_label(entry: str) -> str:
    """The text the link is written under in `entry` (HTML anchor or Markdown link), or ''."""
    before, _, after = entry.partition(LINK_MARK)
    anchor = _ANCHOR_LABEL.match(after)
    if anchor:
        return " ".join(anchor.group(1).split())
    markdown = _MARKDOWN_LABEL.search(before)
    return markdown.group(1).strip() if markdown else ""


def _named_not_a_paper(where: str, path_start: int) -> bool:
    """Whether a word of `where` (host and lowercased path) names a non-paper, unless a paper
    folder stands deeper in the path than every such word (`/docs/techreports/...`,
    `/teaching/readings/papers/...`): the deepest folder says what the file is."""
    ends = [match.end() for match in _NOT_PAPER_WORDS.finditer(where)]
    if ends:
        deepest = max(ends[-1] - 1, path_start)
        if _PAPER_FOLDERS.search(where, deepest) is None and not _PAPER_FILE.search(where, deepest):
            return True
    return bool(
        _WEAK_NOT_PAPER_WORDS.search(where, path_start)
        and _PAPER_FOLDERS.search(where, path_start) is None
        and _PAPER_FILE.search(where, path_start) is None  # `/downloads/msthesis.pdf`
    )


# What a link's own path or host says it is, when that is a work of another kind than a paper
# that its link text may still name by author and year: a lecture's slides, a talk, a course's
# notes, a blog post (`[Hinton, 2012](.../csc321/slides/lecture_slides_lec6.pdf)`).
_TALK_OR_TEACHING = re.compile(
    r"(?<![a-z])(?:slides?|lectures?|lect|handouts?|courses?|teach|teaching|talks?|posters?|"
    r"tutorials?|blogs?|webinars?|keynotes?)(?![a-z])"
)
_BLOG_HOSTS = ("medium.com", "towardsdatascience.com", "blogspot.com", "wordpress.com",
               "substack.com")  # fmt: skip


def is_talk_or_teaching(url: str) -> bool:
    """Whether `url` is, by its host or path, slides, a talk, teaching material or a blog post
    (whatever its paper folders: `/papers/slides/x.pdf` is the slides of a paper)."""
    bare = _SCHEME.sub("", unquote(url))
    host, _, rest = bare.partition("/")
    host = host.split(":", 1)[0].lower()
    if host.startswith("blog.") or any(
        host == blog or host.endswith("." + blog) for blog in _BLOG_HOSTS
    ):
        return True
    return _TALK_OR_TEACHING.search(rest.split("?", 1)[0].lower()) is not None


def is_paper_link(url: str, entry: str) -> bool:
    """Whether `url` links to a paper, given `entry`: the text of its reference entry or
    sentence, with the link itself replaced by `LINK_MARK`."""
    bare = _SCHEME.sub("", unquote(unwrap_archive(url)))
    host, _, rest = bare.partition("/")
    host = host.split(":", 1)[0].lower()
    path = "/" + rest.split("#", 1)[0]
    where = host + path.lower()
    if reference_work_of(host + path) is not None:  # counts like the book it is
        return True
    if _PAPER_SITES_FIRST.match(host + path):
        return True
    if is_ordinary_link(host, path) or any(
        where == vetoed or where.startswith(vetoed) or host.endswith("." + vetoed)
        for vetoed in _VETOED_HOSTS
    ):
        return False
    file_path = path.split("?", 1)[0]
    # The names of query parameters (`?doc=1999-66&format=pdf`) say nothing of the document.
    words = _QUERY_NAMES.sub("", where)
    if _PDF.search(path):
        # A PDF is no data set: a `data` folder of a personal or lab site holds its owner's
        # documents too (`/~user/data/colourschemes.pdf`, a technical note).
        words = words.replace("/data/", "/")
    if (
        _NOT_PAPER_FILES.search(file_path)
        or _named_not_a_paper(words, len(host))
        or _vendor_document(where)
    ):
        return False
    lead = _lead(entry)
    if _ENTRY_VETO.search(lead) or _STANDARD_LEAD.search(lead) or _LICENSE_ENTRY.search(entry):
        return False
    if _NOT_PAPER_LABEL.match(_link_label(entry)):
        return False
    if _PAPER_PAGES.match(host + path):
        return True
    if _PDF.search(path):
        return True
    # A web page (not a PDF) under `/pub/` is as often a site's public folder
    # (`/pub/math/f161.html`, an FTP server's software) as its owner's publications.
    # A folder of papers itself (`/~user/papers/`, `/publications/`, or its index page,
    # `/papers/index.php`) lists them: no paper.
    paper_place = _CUED_PAPER_PAGES.match(host + path) or any(
        folder.group(0).lower() != "/pub/"
        and not (
            _LIST_FOLDER.fullmatch(folder.group(0))
            and (
                folder.end() == len(file_path)
                or _INDEX_PAGE.fullmatch(file_path, folder.end()) is not None
            )
        )
        for folder in _PAPER_FOLDERS.finditer(file_path)
    )
    # The cues are read from the entry's words, not from the other links in it (a year or
    # `publication` in another link's path says nothing of this one).
    return bool(paper_place and _ENTRY_CUES.search(_LINKS_IN_ENTRY.sub(" ", entry)))
