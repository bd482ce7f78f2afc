#!/usr/bin/env python3
"""Single source of the expected verdicts: writes corpus/expected.json and corpus/.make/EXPECTED.md.

Per supplier: a default verdict for every requirement not listed, and per requirement
(verdict, reason). The reason names the file and clause (or says why nothing counts);
an empty reason means the verdict is obvious from the document.
Run: python3 corpus/.make/expected.py
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)

IDS = [
    "GENAI-DISCLOSE", "GENAI-APPROVAL", "GENAI-LAWFUL", "GENAI-NO-TRAINING", "GENAI-RETENTION",
    "GENAI-CONFIDENTIAL", "GENAI-HUMAN-REVIEW", "GENAI-IP", "GENAI-TRANSPARENCY", "GENAI-PILOTS",
    "DP-AGREEMENT", "DP-INSTRUCTIONS", "DP-CONFIDENTIALITY", "DP-SECURITY", "DP-SUBPROCESSORS",
    "DP-SUBJECT-RIGHTS", "DP-BREACH", "DP-DELETION", "DP-AUDIT", "DP-TRANSFER",
    "RISK-ANALYSIS", "RISK-DPIA", "RISK-IAMA", "RISK-REVIEW", "RISK-INCIDENTS", "RISK-DOCUMENTATION",
    "RISK-BIAS", "RISK-OVERSIGHT", "RISK-EXPLAIN",
]

S = {}  # supplier -> (description, default verdict, default reason, {id: (verdict, reason)})

def supplier(name, description, default, default_reason="", **_):
    S[name] = [description, default, default_reason, {}]
    def v(rid, verdict, reason=""):
        assert rid in IDS, rid
        S[name][3][rid] = (verdict, reason)
    return v

# ----------------------------------------------------------------------------------------------
v = supplier("noordlicht-data",
    "NL, covers everything: raamovereenkomst (python-docx, tracked change), verwerkersovereenkomst (LibreOffice PDF), AI-bijlage C (pandoc ODT)",
    "covered")
v("GENAI-APPROVAL", "covered", "raamovereenkomst art. 3.2: the only consent clause is a pending insertion (w:ins) 'zet generatieve AI ... uitsluitend in na voorafgaande schriftelijke toestemming van Opdrachtgever' → covered with note 'unaccepted change'; the deleted text (w:del) 'mag naar eigen inzicht AI-hulpmiddelen inzetten' is absent and must NOT raise a conflict. Bijlage C 2.2 (prior notice) is only partial evidence")
v("GENAI-DISCLOSE", "covered", "Bijlage C 2.1 names the tool (GPT-4o via Azure OpenAI Service, West-Europa) and 2.2 is a duty to notify before other AI is used")
v("GENAI-RETENTION", "covered", "Bijlage C 4.2 (30 days) + 4.3 (no sharing with model provider beyond processing the request) + 4.4 (deletion within 5 working days after the customer asks)")
v("GENAI-IP", "covered", "Bijlage C 6.1 (rights in AI output vest in Opdrachtgever) + 6.2 (vrijwaring against third-party infringement claims for AI output); raamovereenkomst 6.2 is only a cross-reference")
v("DP-SUBPROCESSORS", "covered", "VWO 5.1 'schakelt geen subverwerker in zonder voorafgaande specifieke schriftelijke toestemming' (double negation = consent required) + 5.2 flow-down")
v("DP-BREACH", "covered", "VWO 7.1 'zonder onredelijke vertraging, en in ieder geval uiterlijk binnen 24 uur'; the 72 uur in 7.2 is the controller's deadline (trap)")
v("RISK-EXPLAIN", "covered", "Bijlage C 13.1 'legt op verzoek ... individuele uitkomsten ... uit ... in begrijpelijke taal ... aan betrokkenen': 'op verzoek' is not a weakener for RISK-EXPLAIN")
v("DP-AUDIT", "covered", "VWO 9.1 (audit incl. inspection by independent expert, 'Verwerker verleent daaraan zijn medewerking') and 9.2 (TPM ISAE 3402)")
v("DP-TRANSFER", "covered", "VWO 10.1 data-residency: uitsluitend binnen de EER")

# ----------------------------------------------------------------------------------------------
v = supplier("aurora-analytics",
    "EN, covers everything: MSA with Schedule 3 AI Terms (reportlab PDF, 4 pages, header/footer, clause 12.2 crosses the page 3/4 break) and DPA (pandoc DOCX)",
    "covered")
v("GENAI-RETENTION", "covered", "Schedule 3 6.1 (zero data retention at providers, 14 days in tenant) + 6.2 (no sharing beyond the request) + 6.3 'Upon the Customer's request, Aurora shall delete ...' ('on request' is in GENAI-RETENTION's COVERED text, so never a weakener here)")
v("GENAI-HUMAN-REVIEW", "covered", "Schedule 3 7.1 every Output delivered is reviewed and verified by a qualified person before delivery")
v("RISK-DOCUMENTATION", "covered", "MSA Schedule 3 12.1 (technical documentation and instructions for use) + 12.2 (automatic logging, continuous access); 12.2 runs across the page break 3→4")
v("DP-SUBPROCESSORS", "covered", "DPA 4.1 general authorisation + 30 days' notice + right to object, 4.2 flow-down")
v("DP-TRANSFER", "covered", "DPA 8.1: outside EEA only with prior written consent and on adequacy or SCC 2021/914")
v("RISK-REVIEW", "covered", "Schedule 3 2.2 (60 days' notice of new AI Feature/provider/model) + 10.3 (risk assessment updated before the change; Customer may re-assess)")
v("RISK-INCIDENTS", "covered", "Schedule 3 11.1 'without undue delay and in any event within seventy-two (72) hours'")
v("GENAI-PILOTS", "covered", "Schedule 3 1.1: AI Terms apply to beta features, previews, pilots, proofs of concept and sandboxes")
v("GENAI-LAWFUL", "covered", "Schedule 3 4.1: GDPR, EU copyright law and the AI Act, tied to the AI Features; MSA 9.1 'comply with all applicable laws' is generic and would not count alone")
v("DP-BREACH", "covered", "DPA 6.1 no later than 24 hours; 6.2 (72 hours) is the controller's duty")

# ----------------------------------------------------------------------------------------------
v = supplier("helpdesk-haven",
    "NL/EN plain IT support contract (LibreOffice ODT) + English SLA (TXT): nothing relevant, only traps",
    "missing", "generic IT support contract; no data-processing, AI or risk clauses")
v("GENAI-DISCLOSE", "missing", "trap: 'Microsoft 365 Copilot' (1.2) is a customer product the service desk supports, not a declaration of the supplier's own AI use; no notify/declare verb")
v("GENAI-PILOTS", "missing", "traps: 'co-pilot' (1.2) is not 'pilot'; SLA 5 'pilot of its new self-service portal' has no AI context")
v("GENAI-LAWFUL", "missing", "trap: 2.2 'neemt alle toepasselijke wet- en regelgeving in acht' has no AI context")
v("GENAI-NO-TRAINING", "missing", "traps: staff 'training' (2.3), 'modelovereenkomst' (preamble), 'prijsmodel' (3.1)")
v("DP-BREACH", "missing", "traps: SLA 'notify ... of every P1 incident within 15 minutes' is ITIL incident management, not a personal-data breach; 'breach of contract', 'material breach', 'wanprestatie'")
v("RISK-INCIDENTS", "missing", "trap: ITIL P1/P2 incident SLAs, no AI context")
v("RISK-REVIEW", "missing", "traps: 2.4 changes notified by the customer; 4.1 wijziging van de overeenkomst; price indexation")
v("DP-CONFIDENTIALITY", "missing", "no confidentiality clause at all")
v("RISK-ANALYSIS", "missing", "trap: 'voor rekening en risico' (5.1)")

# ----------------------------------------------------------------------------------------------
v = supplier("vendrix-cloud",
    "EN US SaaS with red flags: terms of service (Markdown) + DPA (LibreOffice PDF)",
    "missing")
v("GENAI-DISCLOSE", "conflict", "ToS 2.1 'AI features may be enabled by default' and 2.2 'we may change AI providers or the underlying models from time to time without notice'")
v("GENAI-APPROVAL", "conflict", "ToS 2.2 'We may use AI tools and AI providers of our choice, at our discretion'")
v("GENAI-LAWFUL", "conflict", "ToS 2.6 'You are solely responsible for ensuring that your use of Outputs complies with applicable law'")
v("GENAI-NO-TRAINING", "conflict", "ToS 2.3 'we may use Customer Data and Inputs to train and improve our models'")
v("GENAI-RETENTION", "conflict", "ToS 2.4 'We retain Inputs and Outputs for as long as necessary for our legitimate business purposes' + review by AI providers' personnel")
v("GENAI-CONFIDENTIAL", "missing", "trap: ToS 6.1 'information that is publicly available' is the NDA exception, no AI context")
v("GENAI-HUMAN-REVIEW", "conflict", "ToS 2.5 'Vendrix Assist sends AI-generated answers to your end users automatically, without human review' (output used without verification); the same clause's 'You should independently review ... Outputs' is partial evidence")
v("RISK-INCIDENTS", "conflict", "ToS 2.9 'We have no obligation to notify you of errors, hallucinations or malfunctions of the AI features'")
v("GENAI-IP", "conflict", "ToS 2.7 'Vendrix does not warrant that Outputs will not infringe' and Outputs excluded from the indemnity (also 8.1)")
v("GENAI-PILOTS", "conflict", "ToS 2.8 'Beta AI features and previews are provided as-is, are not covered by our Data Processing Addendum or security commitments'; 1.2 free trial has no AI context")
v("DP-AGREEMENT", "covered", "DPA with 2.1 purpose + categories of data subjects + categories of personal data; 1.3 independent controllership only for account/billing data is not a conflict")
v("DP-INSTRUCTIONS", "conflict", "DPA 1.2 'may also process Customer Personal Data for its own purposes of product analytics, benchmarking and service improvement' (1.1 documented instructions is shown as covering evidence)")
v("DP-CONFIDENTIALITY", "partial", "only the mutual NDA in ToS 6.1 ('Each party will protect the other party's confidential information'), no staff duty; DPA 3.1 is a customer obligation (trap)")
v("DP-SECURITY", "partial", "DPA 4.1 'commercially reasonable security measures', no annex or standard")
v("DP-SUBPROCESSORS", "conflict", "DPA 5.1 'We may change our sub-processors at any time by updating that list'; no notice or objection right anywhere")
v("DP-SUBJECT-RIGHTS", "partial", "DPA 6.1 forwarding only, no assistance")
v("DP-BREACH", "conflict", "DPA 7.1 Vendrix decides 'in its sole discretion' whether a breach occurred; only confirmed breaches after the investigation; suspected incidents not notified")
v("DP-DELETION", "conflict", "DPA 9.1 'retain ... for as long as necessary for its legitimate business purposes'")
v("DP-AUDIT", "conflict", "DPA 8.1 'Customer may not conduct on-site audits'; the certificate on request alone would be partial")
v("DP-TRANSFER", "conflict", "ToS 5.2 'may be transferred to and processed in the United States or any other country in which we or our sub-processors operate', no chapter V mechanism")
v("RISK-REVIEW", "conflict", "ToS 2.2 'we may change AI providers or the underlying models from time to time without notice'")
v("RISK-EXPLAIN", "conflict", "ToS 2.10 trade-secret refusal: 'We do not disclose how individual Outputs are produced or the logic of our models', no confidential-access alternative")
v("RISK-DOCUMENTATION", "missing", "ToS 2.10 names logic/how outputs are produced, not documentation or logs (Matcher note 7: conflict only for RISK-EXPLAIN)")

# ----------------------------------------------------------------------------------------------
v = supplier("tulpveld-ict",
    "NL red flags: verwerkersovereenkomst (LibreOffice DOCX) + algemene voorwaarden with an AI article (reportlab PDF)",
    "missing")
v("GENAI-DISCLOSE", "partial", "AV 5.1 'kan ... gebruikmaken van AI-toepassingen van derden' (generic, no identity)")
v("GENAI-APPROVAL", "missing", "a bare 'kan gebruikmaken van AI-toepassingen van derden' is not an APPROVAL conflict (requirements.md); AV 4.2 unilateral changes has no AI term")
v("GENAI-NO-TRAINING", "conflict", "AV 5.2 'mag de gegevens ... in geanonimiseerde of geaggregeerde vorm, gebruiken om AI-modellen te trainen en ter verbetering van haar diensten en producten'")
v("GENAI-CONFIDENTIAL", "conflict", "AV 5.1 'mag daarbij ook openbaar beschikbare AI-diensten, zoals gratis versies van chatbots, gebruiken voor het verwerken van door Klant aangeleverde teksten'")
v("GENAI-TRANSPARENCY", "conflict", "AV 5.3 'Met AI gegenereerde teksten worden in de Programmatuur niet als zodanig gemarkeerd' (AI content without indication)")
v("GENAI-HUMAN-REVIEW", "partial", "AV 5.3 'Klant blijft zelf verantwoordelijk voor de controle van de door de Programmatuur voorgestelde teksten' (review on the customer; AI context from the heading of Artikel 5 'Slimme functies en kunstmatige intelligentie')")
v("DP-AGREEMENT", "partial", "verwerkersovereenkomst present, but 1.3 leaves the description to be agreed later: no purpose/categories")
v("DP-INSTRUCTIONS", "conflict", "VWO 1.2 'gerechtigd de persoonsgegevens te gebruiken voor eigen doeleinden'; also AV 5.2 'ter verbetering van haar diensten en producten' (1.1 instructions shown as covering evidence)")
v("DP-CONFIDENTIALITY", "covered", "VWO 2.1 geheimhoudingsverklaring for all staff with access")
v("DP-SECURITY", "conflict", "VWO 3.1 'Verwerker staat er niet voor in dat de beveiligingsmaatregelen ... doeltreffend zijn'")
v("DP-SUBPROCESSORS", "conflict", "VWO 4.1 'mag ... derden inschakelen zonder voorafgaande toestemming', no notice clause anywhere")
v("DP-SUBJECT-RIGHTS", "covered", "VWO 5.1 medewerking bij verzoeken van betrokkenen (costs charged: noted only)")
v("DP-BREACH", "partial", "VWO 6.1 'tijdig' is a weak time bound")
v("DP-DELETION", "conflict", "VWO 10.1 'mag back-ups met persoonsgegevens onbeperkt bewaren'")
v("DP-AUDIT", "partial", "VWO 8.1 information 'op verzoek' only, no audit or report")
v("DP-TRANSFER", "conflict", "VWO 9.1 'Doorgifte ... buiten de EER is toegestaan' without safeguards")
v("RISK-DPIA", "conflict", "VWO 7.1 'een DPIA is voor deze verwerkingen niet vereist. Verwerker verleent geen medewerking aan een DPIA' (supplier as speaker)")
v("RISK-REVIEW", "missing", "AV 4.2 unilateral change of functionality has no AI context: not a RISK-REVIEW conflict")

# ----------------------------------------------------------------------------------------------
v = supplier("formulierfabriek",
    "NL unfilled template DPA (python-docx): [Naam], […], ___, unticked ☐ Optie 1 / ☐ Optie 2",
    "missing", "no AI and no risk clauses")
v("DP-AGREEMENT", "partial", "Bijlage 1 description is all placeholders ('[…]', '[bijvoorbeeld: ...]', '___ maanden')")
v("DP-INSTRUCTIONS", "covered", "1.1 'uitsluitend ... op basis van schriftelijke instructies' (no placeholder in the sentence)")
v("DP-CONFIDENTIALITY", "covered", "2.1")
v("DP-SECURITY", "partial", "3.1 TOM duty, but the standard is an unticked menu '☐ ISO/IEC 27001 ☐ BIO ☐ NEN 7510 ☐ anders, namelijk: ___'")
v("DP-SUBPROCESSORS", "partial", "4.1 neither ☐ Optie 1 nor ☐ Optie 2 is ticked (template option not selected); 4.2 flow-down alone")
v("DP-SUBJECT-RIGHTS", "covered", "5.1")
v("RISK-DPIA", "covered", "5.2 bijstand bij DPIA")
v("DP-BREACH", "partial", "6.1 'uiterlijk binnen ___ uur' (placeholder not filled)")
v("DP-AUDIT", "covered", "7.1 'Verwerker staat ... toe ... een audit'")
v("DP-TRANSFER", "partial", "8.1 unticked location menu '☐ Nederland ☐ de Europese Economische Ruimte ☐ [ander land ...]'")
v("DP-DELETION", "partial", "9.1 deletion incl. copies and back-ups but 'binnen [aantal] dagen' placeholder caps the sentence")

# ----------------------------------------------------------------------------------------------
v = supplier("klaverblad-vertaal",
    "NL translation agency declaring no genAI use; general terms + DPA in one reportlab PDF (3 pages, clause 4.2 crosses a page break)",
    "missing")
v("GENAI-DISCLOSE", "covered", "Deel A 3.2 'Klaverblad maakt bij de uitvoering van opdrachten geen gebruik van generatieve AI' (non-use declaration)")
v("GENAI-APPROVAL", "covered", "Deel A 3.2 non-use phrased as commitment ('maakt geen gebruik van'); other GENAI results keep their verdict with note 'supplier declares no genAI use'")
v("GENAI-HUMAN-REVIEW", "missing", "3.2 'door menselijke vertalers gemaakt' is not review of AI output; A 6.1 'controleren door een deskundige' is the customer's and has no AI context")
v("GENAI-IP", "missing", "A 5.1 auteursrecht on translations has no AI context")
v("DP-AGREEMENT", "covered", "Deel B intro (verwerkersovereenkomst art. 28 AVG) + B 1.2 purpose, categories of data subjects and personal data")
v("DP-INSTRUCTIONS", "covered", "B 1.1")
v("DP-CONFIDENTIALITY", "covered", "B 2.1 (and A 7.1)")
v("DP-SUBPROCESSORS", "partial", "B 5.1 four weeks' notice but objection only by terminating; B 5.2 flow-down")
v("DP-SUBJECT-RIGHTS", "covered", "B 6.1")
v("DP-BREACH", "partial", "B 4.1 'zonder onredelijke vertraging' = statutory level, partial under strict (no hard deadline); A 4.1 'zo spoedig mogelijk' is about delivery dates (trap)")
v("DP-DELETION", "partial", "B 9.1 deletion 30 days after delivery, no copies or back-ups mentioned")
v("DP-AUDIT", "covered", "B 7.1 'Klaverblad staat toe dat Opdrachtgever ... een audit laat uitvoeren'")
v("DP-TRANSFER", "covered", "B 8.1 uitsluitend binnen de EER")
v("DP-SECURITY", "partial", "B 3.1 TOMs promised, no annex and no standard; A 3.1 'staat niet in voor de juistheid van terminologie' is not a security disclaimer")

# ----------------------------------------------------------------------------------------------
v = supplier("meridian-payroll",
    "EN payroll SaaS, partial throughout: DPA (pandoc DOCX) + AI product terms (LibreOffice PDF)",
    "missing")
v("GENAI-DISCLOSE", "partial", "terms 1.2 'We may use third-party AI providers' (generic, no identity); 1.1 says features use AI, no tool named")
v("GENAI-APPROVAL", "missing", "bare 'may use third-party AI providers' is not an approval conflict")
v("GENAI-LAWFUL", "partial", "terms 2.3 AI use complies with the GDPR only (one regime)")
v("GENAI-NO-TRAINING", "partial", "terms 2.1 ban limited to personal data in prompts/inputs")
v("GENAI-RETENTION", "partial", "terms 2.2 'retained only for as long as needed to provide the feature' (no period, no sharing/deletion terms)")
v("GENAI-HUMAN-REVIEW", "partial", "terms 3.1 'The Client should review AI-generated HR letters' (review on the customer) + accuracy disclaimer")
v("DP-AGREEMENT", "covered", "DPA 1.1 (Article 28 DPA) + 2.1 purpose, categories of data subjects and of personal data in one clause")
v("DP-INSTRUCTIONS", "covered", "DPA 3.1")
v("DP-CONFIDENTIALITY", "covered", "DPA 4.1")
v("DP-SECURITY", "partial", "DPA 5.1 'shall use commercially reasonable efforts to implement the technical and organisational measures described in Annex 2' (weakener caps the duty)")
v("DP-SUBPROCESSORS", "partial", "DPA 6.1 general authorisation with 14 days' notice but no objection right; 6.2 flow-down")
v("DP-SUBJECT-RIGHTS", "covered", "DPA 7.1")
v("DP-BREACH", "partial", "DPA 8.1 'without undue delay' (strict: no hard deadline)")
v("RISK-DPIA", "partial", "DPA 9.1 'On request, the Service Provider shall assist ... with data protection impact assessments' (weakener 'on request' on the supplier's duty)")
v("DP-AUDIT", "covered", "DPA 10.1 ISAE 3402 Type II report by an independent auditor")
v("DP-TRANSFER", "partial", "DPA 11.1 'appropriate safeguards' without naming the mechanism")
v("DP-DELETION", "partial", "DPA 12.1 delete or return, no copies or back-ups")
v("RISK-ANALYSIS", "partial", "terms 4.1 generic ISO 27001 information-security risk assessment, not AI-specific (the named exception)")
v("RISK-DOCUMENTATION", "missing", "trap: DPA Annex 2 'Logging of access to salary data' is security logging, not logging of an AI system")

# ----------------------------------------------------------------------------------------------
v = supplier("dijkstra-zorgsoftware",
    "NL care software with a genAI speech assistant, mostly partial: overeenkomst (LibreOffice ODT) + VWO (python-docx DOCX: auto-numbered 'Artikel N.' headings from numbering.xml, a table, a Word comment)",
    "partial")
v("GENAI-DISCLOSE", "covered", "overeenkomst 2.2 'meldt Opdrachtgever vooraf schriftelijk iedere inzet van nieuwe AI-functionaliteiten' (duty to notify before use)")
v("GENAI-APPROVAL", "partial", "2.2 prior notice with a right to object, no consent")
v("GENAI-LAWFUL", "covered", "2.3 AVG + AI-verordening (two regimes) tied to the AI-module")
v("GENAI-NO-TRAINING", "partial", "2.4 'niet voor eigen doeleinden' in AI context, training not named")
v("GENAI-RETENTION", "partial", "2.5 deletion only at the end of the agreement, no period, no sharing terms")
v("GENAI-CONFIDENTIAL", "partial", "2.6 ban on public AI tools limited to personal data of clients")
v("GENAI-HUMAN-REVIEW", "covered", "2.7 the supplier configures the module so that AI output is stored only after the care professional has checked and approved it")
v("GENAI-IP", "missing", "")
v("GENAI-TRANSPARENCY", "partial", "2.8 'Op verzoek van Opdrachtgever markeert Leverancier door AI gegenereerde rapportages' (only on request)")
v("GENAI-PILOTS", "partial", "2.9 pilot mentioned, but article 2 applies 'zodra deze na de pilot in productie is genomen' (scoped to production)")
v("DP-AGREEMENT", "covered", "VWO 1 with table: purpose, data subjects, personal data")
v("DP-INSTRUCTIONS", "covered", "VWO 1 'uitsluitend ... op basis van diens gedocumenteerde instructies'")
v("DP-CONFIDENTIALITY", "covered", "VWO 2")
v("DP-SECURITY", "covered", "VWO 3 TOMs + NEN 7510 and ISO 27001 certified ('op aanvraag' touches only the VvT sentence)")
v("DP-SUBPROCESSORS", "covered", "VWO 4 prior written consent + flow-down")
v("DP-SUBJECT-RIGHTS", "covered", "VWO 5")
v("DP-BREACH", "partial", "VWO art. 6 'onverwijld' (strict: no hard deadline); the Word comment on that paragraph ('... uiterlijk binnen 24 uur na ontdekking') is not document text and must not make it covered")
v("DP-DELETION", "partial", "VWO 10 'voor zover mogelijk ook uit de back-ups' (weakener caps the sentence)")
v("DP-AUDIT", "covered", "VWO 8 Third Party Mededeling by an independent IT auditor")
v("DP-TRANSFER", "partial", "VWO 9 hosting in NL but remote support access from Serbia without a chapter V basis")
v("RISK-ANALYSIS", "partial", "overeenkomst 3.1 risk-management system for the AI-module as a whole, not per use case before use")
v("RISK-DPIA", "covered", "VWO 7 assistance with 'artikelen 32 tot en met 36 AVG' (by article reference) + 'heeft een DPIA uitgevoerd op de AI-module'")
v("RISK-IAMA", "missing", "")
v("RISK-REVIEW", "partial", "3.2 change notice without a period or re-assessment (2.2 notice 'vooraf' has no stated period either)")
v("RISK-INCIDENTS", "partial", "3.3 only a quarterly report; 4.1 P1 storingen is ITIL (trap)")
v("RISK-DOCUMENTATION", "partial", "3.4 technical documentation only, no logging")
v("RISK-BIAS", "partial", "3.5 non-discrimination as a principle, no testing")
v("RISK-OVERSIGHT", "partial", "3.7 'zo ontworpen dat menselijk toezicht ... mogelijk is' without a means to override or stop; 2.7 is output review (GENAI-HUMAN-REVIEW)")
v("RISK-EXPLAIN", "partial", "3.6 'voor zover technisch mogelijk' uitleg")

# ----------------------------------------------------------------------------------------------
v = supplier("tessel-marketing",
    "EN content agency using genAI (ChatGPT Enterprise, Adobe Firefly): framework agreement (LibreOffice DOCX)",
    "missing")
v("GENAI-DISCLOSE", "covered", "3.1 names ChatGPT Enterprise (OpenAI) and Adobe Firefly as the only AI tools")
v("GENAI-APPROVAL", "partial", "3.2 'agreed in consultation with the Client' (no consent)")
v("GENAI-LAWFUL", "partial", "3.3 copyright law only (one regime)")
v("GENAI-NO-TRAINING", "covered", "3.4")
v("GENAI-CONFIDENTIAL", "covered", "3.5 enterprise agreements only, never free/consumer/publicly available AI tools")
v("GENAI-HUMAN-REVIEW", "covered", "3.6")
v("GENAI-IP", "partial", "4.1 ownership of deliverables incl. AI content, but 4.2 indemnity excludes modified AI content and content from Client prompts")
v("GENAI-TRANSPARENCY", "partial", "3.8 labelling limited to images")
v("GENAI-PILOTS", "covered", "3.7 AI terms also apply to pilots, experiments and trial campaigns")
v("DP-CONFIDENTIALITY", "covered", "2.1 staff and freelancers sign confidentiality undertakings covering personal data")
v("DP-AGREEMENT", "conflict", "2.2 'the Agency acts as an independent controller of the personal data it collects for the Client's campaigns'; the rest of 2.2 only refers to a DPA still to be concluded (not evidence)")
v("RISK-ANALYSIS", "covered", "3.9 risk assessment per use case before using a genAI tool for a new type of campaign")
v("RISK-BIAS", "partial", "3.10 'may reflect biases' disclaimer without testing")
v("RISK-EXPLAIN", "missing", "trap: 5.1 'Explanatory notes on hours spent' on invoices")

# ----------------------------------------------------------------------------------------------
v = supplier("routewijs",
    "NL non-generative AI system (route optimisation): overeenkomst (LibreOffice PDF) + VWO (pandoc ODT); RISK applies, GENAI does not",
    "covered")
for rid in IDS[:10]:
    v(rid, "missing", "route-optimisation algorithm only, no genAI term: a non-generative clause does not address GENAI requirements")
v("GENAI-NO-TRAINING", "missing", "trap: 1.3 'gebruikt de inzamelgegevens ... niet om het routeoptimalisatiemodel ... te trainen' is a non-generative clause (route optimisation, no genAI term): it does not address GENAI")
v("RISK-ANALYSIS", "covered", "overeenkomst 2.1 per toepassing, before the algorithm is used for a new application")
v("RISK-IAMA", "covered", "2.2 medewerking aan IAMA")
v("RISK-REVIEW", "partial", "2.3 informs about material changes, no period, no re-assessment")
v("RISK-BIAS", "covered", "3.1 half-yearly test of outcomes for bias per neighbourhood")
v("RISK-OVERSIGHT", "covered", "4.1 design for human oversight; planner can adjust/ignore routes and stop the automatic planning")
v("RISK-INCIDENTS", "covered", "5.1 storingen en gebrekkig functioneren van het algoritme binnen 24 uur")
v("RISK-DOCUMENTATION", "covered", "6.1 technical documentation + 6.2 automatic logging with continuous access")
v("RISK-EXPLAIN", "partial", "7.1 explanation (toelichten, main factors) only to Opdrachtgever, no affected persons / understandable")
v("RISK-DPIA", "covered", "VWO 5.1 supplier has carried out a DPIA")
v("DP-BREACH", "covered", "VWO 4.1 'uiterlijk binnen achtenveertig (48) uur'")
v("DP-AUDIT", "covered", "VWO 6.1 '...; Verwerker verleent daaraan zijn medewerking' (the supplier-bound half of the sentence)")
v("DP-TRANSFER", "covered", "VWO 7.1 uitsluitend binnen de EU")

# ----------------------------------------------------------------------------------------------
v = supplier("starling-hosting",
    "NL outdated 2016 bewerkersovereenkomst under the Wbp (LibreOffice PDF)",
    "missing", "hosting DPA only, no AI or risk clauses")
v("DP-AGREEMENT", "partial", "1.1 description relies on 'persoonsgegevens in de zin van de Wbp' (cites outdated law: Wbp); recitals mentioning the Wbp are ignored")
v("DP-INSTRUCTIONS", "partial", "1.2 instructions 'met inachtneming van artikel 12 Wbp' (cites outdated law)")
v("DP-CONFIDENTIALITY", "covered", "2.1 (no Wbp reference)")
v("DP-SECURITY", "partial", "3.1 TOMs 'als bedoeld in artikel 13 van de Wbp' + ISO 27001 in the same numbered clause: capped (cites outdated law)")
v("DP-SUBPROCESSORS", "partial", "4.1 prior written consent (defined name 'Starling' as subject), no flow-down")
v("DP-SUBJECT-RIGHTS", "partial", "5.1 'op grond van de artikelen 35 en 36 Wbp' (cites outdated law)")
v("DP-BREACH", "partial", "6.1 48 uur, but only for breaches with 'aanzienlijke kans op ernstige nadelige gevolgen' and the clause relies on artikel 34a Wbp")
v("DP-TRANSFER", "partial", "7.1 EU-US Privacy Shield as transfer basis (outdated)")
v("DP-AUDIT", "covered", "8.1 'Starling staat Klant toe ... een audit'")
v("DP-DELETION", "covered", "9.1 incl. kopieën en back-ups")

# ----------------------------------------------------------------------------------------------
v = supplier("polaris-scan",
    "EN scanning company: readable service agreement (pandoc DOCX) + signed DPA as image-only PDF (no text layer)",
    "unknown", "nothing found in the readable agreement and signed-dpa-scan.pdf has no text layer")
v("DP-CONFIDENTIALITY", "covered", "service agreement 2.1 (stands despite the unreadable scan)")
v("DP-SECURITY", "covered", "3.1 TOMs + ISO/IEC 27001 and NEN 7510")
v("DP-TRANSFER", "covered", "5.1 'shall not process or store the Customer's data outside the European Economic Area' (data-residency commitment)")
v("DP-AUDIT", "partial", "3.1 ISO/IEC 27001 certificate alone, no audit right or audit report (the audit clause is in the unreadable scan)")
v("DP-BREACH", "partial", "4.1 'as soon as reasonably practicable' (weak bound)")
v("DP-AGREEMENT", "unknown", "6.1 only refers to the separate DPA (which is the unreadable scan): never evidence itself")

# ----------------------------------------------------------------------------------------------
v = supplier("oudhof-archief",
    "NL archive services: readable offerte (TXT) + 2019 verwerkersovereenkomst as .doc (unsupported → unreadable) + hidden .notes.txt (skipped)",
    "unknown", "nothing found in the TXT; the .doc is unreadable; .notes.txt is hidden and must not be read")
v("GENAI-APPROVAL", "covered", "offerte 2.2 'zet ... geen generatieve AI in zonder voorafgaande schriftelijke toestemming van Opdrachtgever'")
v("GENAI-DISCLOSE", "covered", "offerte 2.2: genAI only after prior written consent, so the authority is told before any use (a consent duty implies notification before use, as in the genai rules)")
v("DP-CONFIDENTIALITY", "covered", "offerte 2.3")
v("DP-DELETION", "partial", "offerte 3.1 'Na oplevering geeft Oudhof alle werkbestanden met persoonsgegevens terug' (separable verb 'geeft ... terug'), no copies/back-ups; the hidden .notes.txt line 'inclusief back-ups' must not make it covered")
v("DP-BREACH", "unknown", "'24 uur' appears only in the hidden .notes.txt (skipped) and the unreadable .doc")
v("GENAI-NO-TRAINING", "unknown", "the no-training sentence is only in the hidden .notes.txt")
v("DP-AGREEMENT", "unknown", "5.1 only refers to the 2019 verwerkersovereenkomst (.doc, unreadable)")

# ----------------------------------------------------------------------------------------------
v = supplier("sentinel-fraudscore",
    "EN non-generative AI system (fraud/risk scoring of benefit applications): one agreement as pandoc ODT with an ODF tracked deletion",
    "covered")
for rid in IDS[:10]:
    v(rid, "missing", "fraud/risk scoring model only ('does not generate text, images or other content'), no genAI term: GENAI not addressed")
v("DP-INSTRUCTIONS", "covered", "2.1 documented instructions; the tracked deletion (text:deletion) 'Sentinel may also use the Agency's data to improve the Scoring Model for all its customers' is absent and must NOT raise a conflict")
v("DP-AGREEMENT", "covered", "Part 2 processor section (2.1 'Sentinel is a processor') + 2.2 purpose, data subjects, personal data")
v("DP-SECURITY", "covered", "2.4 Article 32 TOMs + SOC 2 Type II report")
v("DP-SUBPROCESSORS", "partial", "2.5 list on the website without active notification or consent; flow-down present")
v("DP-SUBJECT-RIGHTS", "conflict", "2.6 'Sentinel will respond directly to requests from data subjects'")
v("DP-BREACH", "covered", "2.7 'within five (5) business days' is a hard bound; note: longer than 72 hours (5 business days = 120 h)")
v("RISK-DPIA", "covered", "2.8 assist with a DPIA; Annex A form row 'DPIA required under this Annex | N/A' is not a conflict")
v("DP-AUDIT", "covered", "2.9 audit through an independent auditor, 'Sentinel shall cooperate'")
v("DP-TRANSFER", "partial", "2.10 transfers to India on the 2010 SCCs (Decision 2010/87/EU): cites outdated law")
v("DP-DELETION", "covered", "2.11 return and delete all copies incl. back-ups")
v("RISK-ANALYSIS", "partial", "1.2 risk management system for the model as a whole, not per use case before use")
v("RISK-IAMA", "conflict", "1.9 'will not provide information about the Scoring Model for a fundamental rights impact assessment or an IAMA'")
v("RISK-REVIEW", "covered", "1.3 90 days' notice of new model versions/data sources + updated model risk assessment, Agency can re-assess")
v("RISK-INCIDENTS", "partial", "1.4 corrective action and 'inform the Agency accordingly', no notification duty or period")
v("RISK-DOCUMENTATION", "conflict", "1.5 'technical documentation, model logs and source code are trade secrets and will not be provided'")
v("RISK-BIAS", "covered", "1.6 tests and monitors scores for bias and discrimination across groups by protected characteristics")
v("RISK-OVERSIGHT", "partial", "1.7 oversight assigned only to the Agency's caseworkers; no supplier design duty or means to intervene")
v("RISK-EXPLAIN", "covered", "1.8 explains each individual score with main factors, understandable, for the affected applicant ('on request' is not a weakener here)")

# ----------------------------------------------------------------------------------------------
v = supplier("brightpath-learning",
    "EN edtech AI addendum as an option-menu order form (pandoc DOCX; task lists rendered as ☒/☐)",
    "missing")
v("GENAI-DISCLOSE", "covered", "1 ☒ 'powered by the Llama 3.1 large language model, run by BrightPath ... No other AI provider is used' (checked option = normal text; the unchecked sibling is absent)")
v("GENAI-LAWFUL", "covered", "4.1 'comply with all applicable laws and regulations in developing and providing the AI features' (general law tied to AI use; AI context also from the title 'AI Addendum')")
v("GENAI-NO-TRAINING", "partial", "2: neither option is ticked (template option not selected): both the ban and the 'may use de-identified inputs ... to train' variant are partial evidence, never covered and never conflict")
v("GENAI-RETENTION", "covered", "3 ☒ 30 days + no sharing beyond the individual request + deletion within five business days when the School asks; the unchecked 'as long as necessary for its legitimate business purposes' is absent (no conflict)")
v("GENAI-HUMAN-REVIEW", "partial", "5.1 'The School should ensure that teachers review the Tutor's feedback' (customer duty)")
v("GENAI-TRANSPARENCY", "covered", "6.1 inform pupils they are interacting with an AI system")
v("GENAI-IP", "partial", "7.1 School owns outputs (a); 7.2 indemnity menu unticked (template option not selected)")
v("GENAI-PILOTS", "partial", "8.1 menu unticked: 'subject to this AI Addendum' vs 'excluded' — partial, never conflict")
v("DP-AGREEMENT", "missing", "only a reference to the DPA at brightpath.example/dpa (note: referenced document not in the set)")
v("RISK-BIAS", "covered", "9.1 tests feedback for bias against groups of pupils before each release and monitors per group")

# ----------------------------------------------------------------------------------------------
v = supplier("zilverlijn-beveiliging",
    "NL camera surveillance offer supplied only as a PNG image (+ a CSV price list, skipped): no supported document",
    "unknown", "no supported document: the PNG is an unsupported image format (unreadable), the CSV is skipped")

# ----------------------------------------------------------------------------------------------
v = supplier("parkeerpunt-handhaving",
    "NL ANPR parking-enforcement DPA (reportlab PDF, 3 pages) whose last page is a scanned, signed Bijlage 2 (image only, no text layer)",
    "unknown", "nothing found on the text pages, and page 3 has no text layer")
v("DP-AGREEMENT", "covered", "2.2 purpose, categories of data subjects and of personal data in one clause")
v("DP-INSTRUCTIONS", "covered", "2.1 uitsluitend op basis van schriftelijke instructies")
v("DP-CONFIDENTIALITY", "covered", "3.1")
v("DP-SECURITY", "partial", "4.1 TOM duty 'zoals beschreven in Bijlage 2', but Bijlage 2 is only on the image-only page 3 (no readable annex or standard); partial stands despite the unreadable page")
v("DP-SUBPROCESSORS", "covered", "5.1 'mag Subverwerkers inschakelen zonder voorafgaande toestemming ..., mits ... ten minste vier weken vooraf schriftelijk meldt; ... bezwaar maken' = general authorisation with notice and objection, so the red-flag phrase raises no conflict; 5.2 flow-down")
v("DP-SUBJECT-RIGHTS", "covered", "6.1")
v("DP-BREACH", "covered", "7.1 'zo spoedig mogelijk, maar uiterlijk binnen zesendertig (36) uur'")
v("DP-DELETION", "covered", "10.2 at the end delete all incl. copies and back-ups (or return, at the controller's choice); 10.1 is a 24-hour retention rule")
v("DP-TRANSFER", "covered", "9.1 uitsluitend binnen de EER")
v("RISK-DPIA", "covered", "8.1 'heeft ... een gegevensbeschermingseffectbeoordeling uitgevoerd' + bijstand")
v("DP-AUDIT", "unknown", "the audit right is only in the scanned Bijlage 2 (page 3, no text layer)")

# ----------------------------------------------------------------------------------------------
def main():
    out = {"profile": "all", "breach_deadline": "strict", "suppliers": {}}
    md = ["# Expected verdicts — why", "",
          "Generated by `corpus/.make/expected.py` (the single source; edit there, then run it).",
          "Profile `all`, breach_deadline `strict`. Per supplier: what it is, the default verdict for the",
          "requirements not listed, then one line per verdict with its reason (file/clause and the sentence).", ""]
    counts = {}
    for name in sorted(S):
        desc, default, dreason, per = S[name]
        res = {}
        for rid in IDS:
            verdict = per.get(rid, (default, dreason))[0]
            res[rid] = verdict
            counts[verdict] = counts.get(verdict, 0) + 1
        out["suppliers"][name] = res
        md.append(f"## {name}")
        md.append("")
        md.append(f"{desc}. Default: **{default}**" + (f" ({dreason})." if dreason else "."))
        md.append("")
        for rid in IDS:
            if rid in per:
                verdict, reason = per[rid]
                md.append(f"- {rid}: **{verdict}**" + (f" — {reason}" if reason else ""))
        md.append("")
    req = {rid: {} for rid in IDS}
    for name, res in out["suppliers"].items():
        for rid, verdict in res.items():
            req[rid][verdict] = req[rid].get(verdict, 0) + 1
    md.append("## Distribution")
    md.append("")
    md.append("Verdicts: " + ", ".join(f"{k} {counts[k]}" for k in sorted(counts)))
    md.append("")
    md.append("| requirement | covered | partial | missing | conflict | unknown |")
    md.append("|---|---|---|---|---|---|")
    for rid in IDS:
        c = req[rid]
        md.append(f"| {rid} | " + " | ".join(str(c.get(k, 0)) for k in ["covered", "partial", "missing", "conflict", "unknown"]) + " |")
    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with open(os.path.join(OUT, ".make", "EXPECTED.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(md) + "\n")
    print(counts)
    for rid in IDS:
        c = req[rid]
        if c.get("covered", 0) < 2 or c.get("covered", 0) == len(S):
            print("WARN", rid, c)

if __name__ == "__main__":
    main()
