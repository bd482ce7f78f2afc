# Which source becomes which document, made by which producer. Read by build.py.
# producer: pandoc | lo-pdf | lo-docx | lo-odt | python-docx | reportlab:<nl|en>:<running header> | scan | word97 | copy

doc("noordlicht-data", "raamovereenkomst.md", "raamovereenkomst-dataplatform.docx", "python-docx")
doc("noordlicht-data", "verwerkersovereenkomst.md", "bijlage-b-verwerkersovereenkomst.pdf", "lo-pdf")
doc("noordlicht-data", "bijlage-c-ai-voorwaarden.md", "bijlage-c-ai-voorwaarden.odt", "pandoc")

doc("aurora-analytics", "master-services-agreement.md", "master-services-agreement.pdf",
    "reportlab:en:Aurora Analytics Ltd — Master Services Agreement — Municipality of Westerhaven")
doc("aurora-analytics", "data-processing-addendum.md", "schedule-5-data-processing-addendum.docx", "pandoc")

doc("helpdesk-haven", "dienstverleningsovereenkomst-werkplekbeheer.md", "dienstverleningsovereenkomst-werkplekbeheer.odt", "lo-odt")
doc("helpdesk-haven", "bijlage-1-service-level-agreement.txt", "bijlage-1-service-level-agreement.txt", "copy")

doc("vendrix-cloud", "terms-of-service.md", "terms-of-service.md", "copy")
doc("vendrix-cloud", "data-processing-addendum.md", "vendrix-dpa-v2.1.pdf", "lo-pdf")

doc("tulpveld-ict", "verwerkersovereenkomst.md", "verwerkersovereenkomst-tulpveld.docx", "lo-docx")
doc("tulpveld-ict", "algemene-voorwaarden.md", "algemene-voorwaarden-tulpveld-2025.pdf",
    "reportlab:nl:Tulpveld ICT B.V. — Algemene Voorwaarden — versie januari 2025")

doc("formulierfabriek", "model-verwerkersovereenkomst.md", "model-verwerkersovereenkomst-v3.docx", "python-docx")

doc("klaverblad-vertaal", "voorwaarden-en-verwerkersovereenkomst.md", "voorwaarden-en-verwerkersovereenkomst.pdf",
    "reportlab:nl:Klaverblad Vertalingen V.O.F. — Algemene Voorwaarden en Verwerkersovereenkomst — 1 maart 2026")

doc("meridian-payroll", "data-processing-agreement.md", "data-processing-agreement.docx", "pandoc")
doc("meridian-payroll", "product-terms-smart-features.md", "product-terms-smart-features.pdf", "lo-pdf")

doc("dijkstra-zorgsoftware", "licentie-en-dienstverleningsovereenkomst.md", "licentie-en-dienstverleningsovereenkomst.odt", "lo-odt")
doc("dijkstra-zorgsoftware", "verwerkersovereenkomst.md", "verwerkersovereenkomst-zorgdossier-plus.docx", "python-docx")

doc("tessel-marketing", "framework-agreement-communication-services.md", "framework-agreement.docx", "lo-docx")

doc("routewijs", "overeenkomst-routeoptimalisatie.md", "overeenkomst-routeoptimalisatie.pdf", "lo-pdf")
doc("routewijs", "verwerkersovereenkomst.md", "verwerkersovereenkomst-routewijs.odt", "pandoc")

doc("starling-hosting", "bewerkersovereenkomst.md", "bewerkersovereenkomst-starling-2016.pdf", "lo-pdf")

doc("polaris-scan", "service-agreement-digitisation.md", "service-agreement-digitisation.docx", "pandoc")
doc("polaris-scan", "signed-data-processing-agreement.md", "signed-dpa-scan.pdf", "scan")

doc("oudhof-archief", "offerte-en-leveringsvoorwaarden.txt", "offerte-en-leveringsvoorwaarden.txt", "copy")
doc("oudhof-archief", "verwerkersovereenkomst-2019.md", "verwerkersovereenkomst-2019.doc", "word97")
doc("oudhof-archief", "dot-notes.txt", ".notes.txt", "copy")

doc("sentinel-fraudscore", "scoring-services-agreement.md", "scoring-services-agreement.odt", "odt-tracked")

doc("brightpath-learning", "ai-addendum-order-form.md", "ai-addendum-order-form.docx", "pandoc")

doc("zilverlijn-beveiliging", "offerte-camerabewaking.md", "offerte-camerabewaking.png", "png")
doc("zilverlijn-beveiliging", "prijzen.csv", "prijzen.csv", "copy")

doc("parkeerpunt-handhaving", "verwerkersovereenkomst-scanauto.md", "verwerkersovereenkomst-scanauto.pdf",
    "reportlab-mixed:nl:Verwerkersovereenkomst Scanauto — gemeente Havenstad / ParkeerPunt Handhaving B.V.")
