"""Paper links on any host: each lesson from reading real packages' links, as a sentence of our
own, with whether the link is the paper itself."""

from __future__ import annotations

import pytest

from scanner.extract import find_hits
from scanner.identifiers.paperlinks import LINK_MARK, is_paper_link
from scanner.prefilter import may_cite

M = LINK_MARK

PAPERS = [
    # Mendeley's catalogue page of a paper
    (
        "http://www.mendeley.com/catalog/general-tides-objectively-determined-measured/",
        "cf. Okafor, C. (1904). General Tides, Objectively Determined and Measured.\n (" + M,
    ),
    # a proceedings' volume folder (`/W94/`), a library's season folder, a course's folder
    # of papers, and a course's project report cited as the paper (NAdam's)
    ("http://www.example-anthology.org/W/W94/W94-0111.pdf", "Doe, A. (1994). Tagging. " + M),
    ("http://www.example.edu/cal/abs/2000_spring/knn/cover67.pdf", "Cover (1967) " + M),
    ("https://www.example.edu/~lee/fa18/papers/smith03.pdf", "Smith (2003) " + M),
    ("http://cs229.stanford.edu/proj2015/054_report.pdf", "NADAM - [Dozat - " + M + "]"),
    # a thesis under a site's downloads folder
    (
        "http://homepages.example.nl/~lind/downloads/msthesis.pdf",
        "1. Original algorithm from\n" + M,
    ),
    # USENIX's proceedings under a meeting's `/events/` folder, before `/system/files/`
    ("http://static.usenix.org/events/fast09/tech/full_papers/doe/doe.pdf", "Doe (2009) " + M),
    ("https://www.usenix.org/legacy/events/hotos11/tech/final_files/Roe.pdf", M),
    # Institutional repositories: bepress working papers, Digital Commons, EPrints, SciELO.
    ("http://www.bepress.com/deptstats/paper42/", "the estimator we use:\n  " + M),
    ("https://digitalcommons.example.edu/cgi/viewcontent.cgi?article=1042&context=stat", M),
    ("https://eprints.example.ac.uk/id/eprint/31415/", "Smith, J. (2009). A sketch. " + M),
    ("https://www.scielo.br/j/abc/a/Qw3RtY7uIoP9aSdF/?lang=en", "Pesq. Oper., 2005, " + M),
    ("http://www.scielo.br/scielo.php?script=sci_arttext&pid=S0101-74382005000200004", M),
    # An author's copy on a personal site of a code host; a company lab's paper page.
    ("https://someone.github.io/papers3d/bump_mapping.pdf", M),
    # (`spec` only as a whole word: spectra and SPEC2006 papers stay papers)
    ("https://someone.github.io/papers/spectral_sketch.pdf", M),
    ("https://www.example.edu/~lee/papers/spec2006-study.pdf", "Lee (2007) " + M),
    # (`sp800` inside a word is no NIST publication: a graph-signal paper's file name)
    ("https://www.example.edu/~lee/papers/gsp800-study.pdf", "Lee (2014) " + M),
    ("https://rjournal.github.io/archive/2013-2/author.pdf", M),
    ("https://research.nvidia.com/publication/2011-09_voxel-cone-tracing", M),
    # Publishers' and repositories' article pages without a DOI in the link, also where the
    # link holds a word that vetoes other links (`doc`, `data`, `api`, `cs-103`, `paper087`).
    ("https://escholarship.org/uc/item/8nq2g2s1", M),
    # Project MUSE's pages of a book and of an article
    ("https://muse.jhu.edu/book/12345", "`Tidal Matrices: Linear Systems\n<" + M + ">`_"),
    ("https://muse.jhu.edu/pub/1/article/123456", M),
    ("https://repository.example.edu/cis_reports/123/", M),
    ("https://www.osti.gov/biblio/1234567", M),
    ("https://www.example-publisher.com/journals/ddns/2011/724697/", M),
    # an archived copy (under either Wayback host) of a PDF a lab serves from its publications
    (
        "http://wayback.archive.org/web/20100629121128/http://www.example.edu/publications/"
        "downloads/TideSoundexV5.pdf",
        M,
    ),
    # a paper's page on an academic sharing site, as ResearchGate's
    ("https://www.academia.edu/123456/A_Layered_Method_for_Tidal_String_Comparison", M),
    ("https://ntrs.nasa.gov/citations/19970016975", M),
    ("https://www.mdpi.com/1099-4300/20/6/397", M),
    ("https://peerj.com/articles/cs-103/", M),
    ("https://llvm.org/pubs/2004-01-30-CGO-LLVM.pdf", M),
    # a lab's or a company's page of one publication, named by its title, with no entry
    ("https://lab.example.cz/publications/adding-a-sun-term-to-a-sky-model/", "Based on\n" + M),
    (
        "https://www.example.science/publications/dynamic-chunks-for-streaming-speech",
        "as implemented by `Dynamic Chunks for Streaming Speech <" + M + ">`_.",
    ),
    ("https://elifesciences.org/articles/12345", M),
    ("https://www.nowpublishers.com/article/Details/MAL-016", M),
    ("https://www.cambridge.org/core/journals/fluid-mechanics/article/abs/x/ABC123", M),
    ("https://opg.optica.org/josaa/abstract.cfm?uri=josaa-4-4-629", M),
    ("https://www.proquest.com/docview/304412345", M),
    ("https://tel.archives-ouvertes.fr/tel-01234567", M),
    ("https://storage.googleapis.com/pub-tools-public-publication-data/pdf/45530.pdf", M),
    ("https://citeseerx.ist.psu.edu/doc/10.1.1.45.3512", M),
    ("https://api.semanticscholar.org/CorpusID:13756489", M),
    ("https://mlsys.org/Conferences/2019/doc/2019/137.pdf", M),
    ("https://www.bmva.org/bmvc/2016/papers/paper087/index.html", M),
    ("https://www.example.edu/techreports/tr123/report.pdf", M),
    # a publisher's PDFs of its journals' papers, a company lab's papers among its assets
    ("https://www.example-journals.com/pdfs/journals/lancet/PIIS0140-6736(20)30183-5.pdf", M),
    ("https://www.vendor-example.com/pdfs/publications/2019/fast-sketch.pdf", M),
    ("https://www.vendor-example.com/support/en/users-conference-proceedings/2019/305.pdf", M),
    # a trade magazine's article among its site's assets
    (
        "https://www.magazine-example.com/assets/Uploads/tank-area.pdf",
        '[2] Doe, D. "Tank Area." Chemical Works. April 2017. ' + M,
    ),
    # a paper in a journal's supplement issue
    ("https://www.example-journal.org/content/21/suppl_1/i90.full.pdf", M),
    # A journal's paper pages (the Journal of Computer Graphics Techniques).
    ("https://jcgt.org/published/0007/04/01/", M),
    # The deepest folder says what a file is: a technical report under `docs/`, a paper in
    # a course's reading list.
    ("https://www.example.edu/docs/techreports/2002/pdf/UUCS-02-001.pdf", M),
    ("https://www.example.edu/teaching/readings/papers/dynamic_models.pdf", M),
    ("https://www.example.edu/teaching/vis_common/Literature/squarified.pdf", M),
    # a paper a course reads, its file named as a citation key
    ("https://www.example.edu/~lind/courses/cs687/okafor92simple.pdf", "(Okafor, 1992): " + M),
    # A technical report kept among an author's papers, its title naming it a guide.
    ("https://www.example.edu/~doe/papers/guide/guide.pdf", M),
    (
        "https://www.example.edu/~doe/papers/guide/guide.pdf",
        "J. Doe. A Practical Guide to Sketching. Technical report, 2003. " + M,
    ),
    # Records of mathematical libraries and Invenio repositories (EuDML, Infoscience, CDS).
    ("http://eudml.org/doc/12345", "J. Doe, On sketches. Mat. Cas. 5, 1-9 (1955). " + M),
    ("https://infoscience.epfl.ch/record/123456", "J. Doe, Sketches, ASNA 2009. " + M),
    ("https://cds.cern.ch/record/1234567", M),
    ("https://inspirehep.net/literature/1234567", M),
    # A home directory named by its user's id is no course (`~cse835` is); a thesis file
    # under a blog's folder is a thesis; a document server's query names (`doc=`) say
    # nothing of the document; old JSS articles (`v05/a05`) and ECCC reports.
    ("http://users.example.edu/~wangx346/research/GEE_selection.pdf", M),
    ("http://someone.github.io/blog/files/thesis.pdf", "[1] J. Doe. Graphs, 2016. " + M),
    ("http://dbpubs.example.edu:8090/pub/showDoc.Fulltext?lang=en&doc=1999-66&format=pdf", M),
    ("http://www.jstatsoft.org/v05/a05/paper", M),
    ("http://eccc.hpi-web.de/report/2001/092/", "ECCC report, 2001: " + M),
    # Preprint servers without a DOI in the link: OSF Preprints, ChemRxiv.
    ("https://osf.io/preprints/psyarxiv/abcd1", M),
    ("https://chemrxiv.org/engage/chemrxiv/article-details/60c74a3e842e65b4f1db2f4a", M),
    # CORE's reader, Cell Press article pages, research portals' publication pages.
    ("https://core.ac.uk/reader/10883750", M),
    ("https://www.cell.com/cell-systems/fulltext/S2405-4712(20)30195-2", M),
    ("https://research.example.ac.at/en/publications/escaping-flatland-colors-26", M),
    # A PDF kept in a personal site's `data` folder (a technical note).
    ("https://personal.example.nl/~doe/data/colourschemes.pdf", M),
    # Old APS abstract links, TU Delft's repository; an Internet Archive item and a numbered
    # repository record when their entry reads like a reference.
    ("http://pre.aps.org/abstract/PRE/v76/i2/e026209", M),
    ("http://resolver.tudelft.nl/uuid:a4d195c3-1f89-4d66-913d-db9af0969509", M),
    ("http://archive.org/details/jresv99Xn4p233", "J. Doe, Branchings, J. Res. 71 (1967). " + M),
    ("http://discovery.example.ac.uk/1482128/", "J. Doe, Doctoral Thesis 2016 " + M),
    # A venue that holds a vetoing word: ACM Transactions on Mathematical Software.
    (
        "http://www.example.br/~doe/publications/bmr5.pdf",
        "ACM Transactions on Mathematical Software (preprint). Available at: " + M,
    ),
    # CORE's copies of open-access papers (its `download` folder is no software download);
    # compressed PostScript; a title's `nonstandard` is no standard.
    ("https://core.ac.uk/download/pdf/11007254.pdf", M),
    ("http://www.example.ac.at/papers/96-04-04.wh-der.ps.gz", M),
    ("https://www.example.edu/~doe/pubs/4309-nonstandard-interpretations.pdf", M),
    ("https://hal.archives-ouvertes.fr/LISV/hal-03015762v1", M),
    # Semantic Scholar's PDF mirror files papers under hex folders that read like course codes;
    # CEUR-WS files a workshop's papers under its volume, named by session (`FORUM_18.pdf`).
    ("https://pdfs.semanticscholar.org/b123/0f1e2d3c4b5a6978879.pdf", "See " + M),
    ("http://ceur-ws.org/Vol-91/files/FORUM_07.pdf", "the bulk loading of [2], see " + M),
    # Anchors whose text is a paper's title that opens with a word a program's label may be.
    ("https://www.example.edu/~kim/papers/aging.pdf", '<a href="' + M + '">Software Aging</a>'),
    ("https://www.example.edu/~kim/papers/vos.pdf", '<a href="' + M + '">Video Object Cuts</a>'),
    (
        "https://www.example.edu/~kim/publications/simplex.pdf",
        '<li>Kim, J. (2001). <a href="' + M + '">Implementation of the dual simplex method</a>',
    ),
]

NOT_PAPERS = [
    # a data set on Mendeley Data
    ("https://data.mendeley.com/public-files/datasets/fgf86jdfg6/files/", "Tides (2019) " + M),
    # a standards working group's document
    ("http://www.tidemodels.org/wg8home/Documents/WG80462.pdf", "as described in " + M),
    # License texts: by their file name, and by the license wording of their paragraph.
    ("https://www.example.net/products/Example-Public-License-1.1.0.pdf", "Under the " + M),
    ("https://www.example.net/legal/eula.pdf", M),
    (
        "http://hdl.handle.net/9999.1/2024",
        "This Agreement may also be obtained from a proxy server using the following URL: " + M,
    ),
    ("https://www.example.net/pubs/report.pdf", "Licensed under the terms at\n" + M),
    # Manuals and style guides, also when the name is glued to other words or a year.
    ("https://www.example.net/static/publications/stylemanual1989.pdf", M),
    ("https://www.example.net/files/UserManual_v2.pdf", M),
    # Teaching material: a course number with its term, and course words in other languages.
    ("https://www.example.edu/astro/Stat310_0910/notes_mle.pdf", "[1] D. Doe. MLE. " + M),
    ("https://www.example.edu/cs229-2019/handout3.pdf", M),
    # a course's lecture named with its number
    ("https://www.example.edu/courses/cs101/lecture12notes.pdf", M),
    # a course's readings: its own notes
    ("https://ocw.example.edu/courses/mathematics/18-05-spring-2014/readings/Reading24.pdf", M),
    ("http://www.example.uni-goettingen.de/veranstaltungen/models/Loesung.pdf", M),
    ("https://www.example.de/vorlesung/kapitel3.pdf", M),
    ("https://www.example.fr/enseignement/m2/poly.pdf", M),
    # a term's folder of a course, a course's home directory, its lectures and coursework
    ("https://www.example.edu/~lee/fa18/l/l3.pdf", "Lee, J. (2018). Matchings. " + M),
    ("https://www.example.edu/~lee/2018fa/notes.pdf", "Lee, J. (2018). Matchings. " + M),
    ("https://www.example.edu/~cis5150/ws-book.pdf", "Doe, A. (2019). Semantics. " + M),
    ("https://people.example.edu/~lee/189/lec/12.pdf", "Lee, J. (2019). Kernels. " + M),
    ("https://www.example.edu/~lee/teaching/assignments/hw3.pdf", "Lee (2019) " + M),
    ("https://www.example.edu/~lee/cs500/recitations/r2.pdf", "Lee (2019) " + M),
    # a note kept in a teacher's `teach` folder
    ("https://www.example.edu/~lee/teach/proximity_note.pdf", "[1]: Lee, J. The Operator. " + M),
    # Specifications and standards bodies' reports; what is under a paper folder but named
    # a non-paper itself.
    ("https://www.example.net/content/dam/pdfs/cube-lut-specification-1.0.pdf", M),
    ("https://www.itu.int/pub/R-REP-BT.2407-2017", M),
    ("https://www.example.edu/papers/slides/talk2019.pdf", M),
    ("https://www.example.edu/course/cs101/papers/lecture3.pdf", M),
    # Guides: called so before the link, or a user guide by its file name; a guide without a
    # paper folder, also under an author's home.
    ("https://www.example.net/pdf/dotguide.pdf", "DOT Guide: " + M),
    ("https://www.example.net/files/UserGuide_v3.pdf", M),
    ("https://www.example.edu/~doe/guide/install.pdf", M),
    ("https://www.example.edu/~doe/papers/guide/guide.pdf", "See the user guide at " + M),
    # File formats and specifications, called so before the link.
    ("https://formats.example.net/SAM1.pdf", "described with the BAM file format at " + M),
    ("https://www.example.net/pub/fmt.pdf", "The format specification: " + M),
    ("https://www.example.net/pub/fmt.pdf", "Official spec: " + M),
    # ... or kept in a folder of specifications, whatever the words before it
    ("https://formats.example.io/hts-specs/tbx.pdf", "[tbx format]: " + M),
    # Processor manuals and instruction tables, vendor documents and talks.
    ("https://www.agner.org/optimize/instruction_tables.pdf", M),
    ("https://www.example.net/system/files/TechDocs/24593.pdf", M),
    ("https://on-demand.example.net/gtc/2017/presentation/s7622-kernels.pdf", M),
    ("https://llvm.org/docs/LangRef.pdf", M),
    ("https://cdrdv2-public.intel.com/671200/optimization-reference.pdf", M),
    ("https://www.ti.com/lit/an/spra947/spra947.pdf", M),
    # Reference tables of solutions; course material by its term or in other languages; what
    # the line calls someone's notes.
    ("https://eqworld.ipmnet.ru/en/solutions/ode/ode0106.pdf", M),
    ("https://math.example.edu/people/doe/2233-S99/2233-l12.pdf", M),
    ("https://homes.example.dk/jc/FemteSemester/Beams3D.pdf", M),
    ("http://www.example.fi/Opinnot/T-61.6020/2008/pagerank_hits.pdf", M),
    ("http://www.example.no/studier/emner/math/MAT1100/h08/kompendiet/diffint.pdf", M),
    ("https://math.example.edu/~doe/ban275.pdf", "[1] Prof. Doe's notes: " + M),
    # Vendors' application notes, by their folder or what the line calls them.
    ("https://www.example.net/resource/en/application_note/an4013-timers.pdf", M),
    ("https://www.example.net/files/an4013.pdf", "ST application note AN4013: " + M),
    # Vendors' white papers and federal standards; a standards body's documents folder.
    ("http://www.example.jp/std/documents/e/DC-008-2016-E.pdf", "Exif Version 2.31. " + M),
    ("https://www.example.net/media/publication/720_Algorithms_Whitepaper_2015.pdf", M),
    ("https://nvlpubs.example.gov/nistpubs/fips/nist.fips.197.pdf", M),
    # NIST's Special Publications 800, the federal recommendations (by file or folder, under a
    # `publications` folder too), and the SEC standards of elliptic-curve cryptography.
    ("https://nvlpubs.example.gov/nistpubs/SpecialPublications/NIST.SP.800-38D.pdf", M),
    ("http://csrc.example.gov/publications/nistpubs/800-38a/sp800-38a.pdf", ".. _`SP`: " + M),
    ("http://csrc.example.gov/publications/nistpubs/800-38C/SP-800-38C.pdf", "Mode (2004) " + M),
    ("https://csrc.example.gov/pubs/sp/800/38/e/final", "[1] Doe (2010). XTS. " + M),
    ("https://www.secg.org/sec1-v2.pdf", ".. _SEC1:       " + M),
    # FAQs and keynotes.
    ("http://www.example.ca/PDFs/ColorFAQ.pdf", M),
    ("https://www.example.net/events/2019/keynote_doe.pdf", M),
    # A course number stays a course number.
    ("https://www.example.edu/stat315a/notes.pdf", M),
    ("https://www.example.edu/~prof/cs101/week3.pdf", M),
    # A course's notes by a department's code under `~`, in a glued name or an education
    # folder; slides of a thesis defence; an FTP server's software folder.
    ("http://www.example.edu/~cse835/kmeans.pdf", M),
    ("http://www.example.edu/education/CAGDNotes/Bernstein-Polynomials.pdf", M),
    ("http://someone.github.io/blog/files/thesis-defense-slides.pdf", M),
    ("http://ftp.example.gov/pub/MINPACK-2/csrch/", "Minpack-2 (1993): " + M),
    # A data set's documentation, and a data file named so.
    ("https://www.example.edu/datasets/codebook.pdf", M),
    ("https://www.example.edu/~doe/data/data-dictionary.pdf", M),
    # A site's public folder, whatever the other links of the paragraph hold (a blog's
    # date, a publication page); German teaching pages (`lehre`).
    (
        "http://www.example.net/pub/math/f161.html",
        "https://blog.example.net/2011-06-09-emu/\nhttps://www.example.net/publication/1\n" + M,
    ),
    ("https://www.example.de/iana3/lehre/fourier2014w/media/table.pdf", M),
    # An author's or a lab's folder of papers lists them, even called so.
    ("http://www.example.edu/~lee/papers/", "Lee (2019), a list of papers: " + M),
    ("https://lab.example.edu/publications/", "the lab's journal papers, 2001-2019: " + M),
    # ... or its index page, an anchor naming the paper's entry in the list
    (
        "http://www.example.edu/people/lee/papers/index.php#cite_tides",
        'A. Lee: <em><a href="' + M + '">Tide Segmentation</a></em>, Proc. Tide Symposium, 1995',
    ),
    # A research portal's list of publications is no paper; nor is a publications page
    # named by fewer words (a section), nor a manual kept there.
    ("https://research.example.ac.at/en/publications/", M),
    ("https://lab.example.edu/publications/journal-articles-2019/", M),
    ("https://www.example.gov.au/publications/gda2020-technical-manual-v16", "See " + M),
    # An Internet Archive item or a repository record with no reference around it.
    ("https://archive.org/details/ms_dos_games", "Mirror: " + M),
    ("http://eprints.example.ac.uk/12345/", "See " + M),
    # A personal site's documentation, and a company's documentation pages.
    ("https://someone.github.io/project/docs/api.html", "Smith et al. (2019) " + M),
    ("https://docs.nvidia.com/cuda/cuda-c-programming-guide/index.html", M),
    # What the link text of a reST or Markdown link calls it, on the line before the link.
    ("https://www.example.net/files/style1989.pdf", "Follows the `Style Manual\n<" + M + ">`_."),
    ("https://www.example.net/files/t2019.pdf", "See the [lecture slides\n](" + M + ")"),
    # A homepage labelled so, whatever folder its site keeps it in (`tr`: technical reports).
    (
        "http://www.example.edu/labs/imager/tr/2011/DisplacementProject/",
        "is used as part of the Displacement project, 2013,\n * Web: " + M,
    ),
    ("https://www.example.edu/~doe/papers/sketch/", "Doe et al. 2019. Project page: " + M),
    # A program's page among its author's publications, named so by its anchor or link text.
    (
        "http://www.example.edu/~lee/publications/nsga3/nsga3.htm",
        '<li>Deb (2014). <a href="' + M + '">C++ Implementation by Lee\n     Wen-Hao</a>',
    ),
    ("https://www.example.edu/~lee/papers/method.pdf", "the authors' [Matlab code](" + M + ")"),
    ("https://www.example.edu/pubs/tool.html", '<a href="' + M + '">Source code</a>, 2019'),
    # a talk's slides and a project's page among an author's papers, named so by their label
    ("https://www.example.edu/~lee/papers/nips19-lee.pdf", "Lee (2019). [Slides](" + M + ")"),
    ("https://example.edu/~lee/publications/sort/", '<a href="' + M + '">Project page</a>, 2019'),
    # A paper's supplementary material beside it: by its file name, its folder, the words
    # before it or its anchor's text.
    ("http://graphics.example.edu/papers/fastgadgets-supp.pdf", "Kim (2008). " + M),
    ("https://www.example.edu/~kim/pubs/supplemental/gadgets.pdf", M),
    ("https://www.example.edu/~kim/pubs/gadgets-appendix.pdf", "Supplementary material: " + M),
    ("https://www.example.edu/~kim/pubs/g2.pdf", '(<a href="' + M + '">supplemental</a>)'),
    # A file format's description and a user's guide's appendix, wherever they are hosted;
    # a PDF among a software distribution's package sources.
    ("https://www.viz-example.org/wp-content/uploads/2015/04/file-formats.pdf", "I/O for X " + M),
    ("https://www.example.fr/documents/solver/tgrid/ug/appb.pdf", M),
    ("https://src.fedoraproject.org/repo/pkgs/pkg/9221.pdf/0a1b2c/9221.pdf", "See " + M),
    # A company's product documents, marketing and support files.
    ("http://www.vendor-example.com/imaging/pdfs/ExampleRGB1998.pdf", "Example RGB (1998) " + M),
    ("https://pro.example.net/en/cinema/common/pdf/Example-Log_Gamut.pdf", M),
    ("https://professional.vendor-example.com/siteassets/pdfs/vision-white-v7.1.pdf", M),
    ("https://www.vendor-example.com/united-states/campaigns/workstations/pdfs/p3.pdf", M),
]


@pytest.mark.parametrize(("url", "entry"), PAPERS)
def test_paper_links_on_any_host(url: str, entry: str) -> None:
    assert is_paper_link(url, entry)


@pytest.mark.parametrize(("url", "entry"), NOT_PAPERS)
def test_links_that_are_not_papers(url: str, entry: str) -> None:
    assert not is_paper_link(url, entry)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SIAM's legacy DOIs have a fixed length: a letter glued after one is not part of it.
        ("https://doi.org/10.1137/S0895479893251472T.", ["doi:10.1137/s0895479893251472"]),
        ("doi:10.1137/S003614450342478X.", ["doi:10.1137/s003614450342478x"]),
        ("see 10.1137/S0036144503424786a for", ["doi:10.1137/s0036144503424786"]),
        ("https://doi.org/10.1137/070710111", ["doi:10.1137/070710111"]),
    ],
)
def test_dois_of_a_fixed_length_are_cut_at_it(text: str, expected: list[str]) -> None:
    assert [h.ref.key for h in find_hits(text) if h.ref] == expected
    assert may_cite(text.encode())


@pytest.mark.parametrize(("url", "entry"), PAPERS)
def test_prefilter_lets_every_paper_link_through(url: str, entry: str) -> None:
    assert may_cite(entry.replace(M, url).encode())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A README badge: its image holds a DOI, and the Zenodo release it links to is the
        # project's own software, not a paper it cites.
        (
            "[![DOI](https://zenodo.org/badge/DOI/10.5281/zenodo.1234567.svg)]"
            "(https://doi.org/10.5281/zenodo.1234567)",
            [],
        ),
        (
            ".. image:: https://zenodo.org/badge/DOI/10.5281/zenodo.1234567.svg\n"
            "   :target: https://doi.org/10.5281/zenodo.1234567",
            [],
        ),
        # A paper's badge still links to the paper.
        (
            "[![DOI](https://joss.theoj.org/papers/10.21105/joss.01234/status.svg)]"
            "(https://doi.org/10.21105/joss.01234)",
            ["doi:10.21105/joss.01234"],
        ),
        # In prose, a data or software repository's DOI is a data set or a release, not a
        # paper; unless its entry cites a report, preprint or thesis deposited there.
        ("The data of Doe (2020), https://doi.org/10.5281/zenodo.1234567", []),
        ("Reference fronts can be downloaded from\n  https://doi.org/10.5281/zenodo.1234567", []),
        ("Doe, J. sketchlib (Version 1.2) [Software]. Zenodo. doi:10.5281/zenodo.1234567", []),
        ("The tables: 10.6084/m9.figshare.1234567 and doi:10.5061/dryad.abc123", []),
        ("[TIDES](https://doi.org/10.5522/04/1234567.v1) is a clinical dataset of scans", []),
        # A data centre's DOI names a data product (`Full-disk Images`, a reanalysis).
        ("* `Full-disk H-alpha Images. <https://doi.org/10.25668/ab12-3c45>`__", []),
        ("Hourly reanalysis fields, doi:10.24381/cds.adbb2d47, and MODIS 10.5067/MODIS/X.006", []),
        ("The catalogue doi:10.26093/cds/vizier.2350, via doi:10.18129/B9.bioc.DESeq2", []),
        (
            "Doe, J. (2020). Fast sketches. Technical report. https://doi.org/10.5281/zenodo.1234567",
            None,
        ),
        ("J. Doe. Sketching streams. PhD thesis, 2019. doi:10.5281/zenodo.1234567", None),
        # A standard's DOI names a standard, never a paper: IEEE standards, IETF RFCs.
        ("IEEE Standard for Floating-Point Arithmetic, doi:10.1109/IEEESTD.2019.8766229", []),
        ("The GeoJSON format (https://doi.org/10.17487/RFC7946).", []),
        ("ASTM. (2015). Standard Practice for Color. doi:10.1520/E0308-15", []),
        ("ST 2084, doi:10.5594/SMPTE.ST2084.2014 and RP 177, 10.5594/S9781614821915", []),
        # NIST's federal standards and Special Publications 800; its technical notes are papers.
        ('@see <a href="https://dx.doi.org/10.6028/NIST.FIPS.180-4">FIPS PUB 180-4</a>', []),
        ("Dworkin (2007). GCM. https://doi.org/10.6028/NIST.SP.800-38D", []),
        (
            "Taylor (1994). Uncertainty. NIST TN 1297. doi:10.6028/NIST.TN.1297",
            ["doi:10.6028/nist.tn.1297"],
        ),
        # The same registrants' journals publish papers.
        ("Doe, J. (2004). Mastering. SMPTE J. doi:10.5594/J11549", ["doi:10.5594/j11549"]),
        # A numbered list of links, one per line: the second is not glued to the first.
        (
            "Sources:\n2.https://lab.example.edu/\n3.https://lab.example.edu/~a/papers/x.pdf",
            ["url:https://lab.example.edu/~a/papers/x.pdf"],
        ),
    ],
)
def test_badges_and_link_lists(text: str, expected: list[str] | None) -> None:
    found = [h.ref.key for h in find_hits(text) if h.ref and h.kind.value != "author-year"]
    assert found == (expected if expected is not None else ["doi:10.5281/zenodo.1234567"])


def test_prefilter_skips_personal_site_links_that_are_not_papers() -> None:
    assert not may_cite(b"// See https://someone.github.io/project/api.html\nint f();\n")
    assert may_cite(b"// See https://someone.github.io/pubs/sketch.pdf\nint f();\n")


def test_an_entry_ends_at_a_blank_or_markup_line_in_crlf_text_too() -> None:
    from scanner.identifiers.paperlinks import entry_around

    for newline in ("\n", "\r\n"):
        text = newline.join(
            [
                "   Ported from the tutorial code of J. Roe.",
                "   <p>",
                "   Roe, J. (2004). Sampling shapes. Proc. of X. https://example.org/~roe/s.pdf",
                "   ",
                "   Later prose.",
            ]
        )
        start = text.index("https://")
        entry = entry_around(text, start, text.index(".pdf") + 4)
        assert "tutorial" not in entry and "Later prose" not in entry
        assert entry.replace("<p>", "").strip().startswith("Roe, J. (2004)")


@pytest.mark.parametrize(
    "text",
    [
        # ADS's scanned articles, ADS Labs' pages and the classic abstract query name the
        # record by the same bibcode as today's abstract page: one key for the paper.
        "# Bardeen et al. 1972\n# https://articles.adsabs.harvard.edu/pdf/1972ApJ...178..347B\n",
        "See http://articles.adsabs.harvard.edu/full/1972ApJ...178..347B for the derivation.",
        '<a href="http://articles.adsabs.harvard.edu/cgi-bin/nph-iarticle_query?'
        '1972ApJ...178..347B&amp;defaultprint=YES&amp;filetype=.pdf.">Bardeen</a>',
        "ApJ 178, 347. http://labs.adsabs.harvard.edu/ui/abs/1972ApJ...178..347B",
        "http://adsabs.harvard.edu/cgi-bin/nph-bib_query?bibcode=1972ApJ...178..347B&db_key=AST",
    ],
)
def test_ads_records_in_their_older_forms(text: str) -> None:
    keys = [h.ref.key for h in find_hits(text) if h.ref and h.kind.value == "url"]
    assert keys == ["url:https://ui.adsabs.harvard.edu/abs/1972ApJ...178..347B"]
    assert may_cite(text.encode())
