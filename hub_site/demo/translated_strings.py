"""The demo's Spanish and French translations, keyed by the English source string.

Keys are the strings as wagtail-localize extracts them (rich text keeps its HTML
entities, such as ``&gt;``). Every number is kept exactly as in the source: the numbers
guard compares them. Search descriptions get ``DEMO_MARK`` appended by the loader, so
every translated demo page says it is a demo translation.
"""

DEMO_MARK = {
    "es": "Traducción de demostración: breve y sin revisión profesional.",
    "fr": "Traduction de démonstration : courte et non relue par un professionnel.",
}

# The English paragraphs, keyed in both languages: each written once.
GATE_MESSAGE = (
    "All content on this site is intended for healthcare professionals only. By acknowledging "
    "this message and accessing the information on this website you are confirming that you "
    "are a Healthcare Professional."
)
SUPPORT_APPEAL = (
    "Your contribution helps us continuously deliver expertly curated content to HCPs "
    "worldwide. You will also have the opportunity to make a content suggestion for "
    "consideration and receive updates on the impact contributions are making to our "
    "content."
)
SEED_RESULTS = (
    "Results from a dual-center, retrospective study assessing outcomes in 164\u00a0adolescents "
    "and young adults (AYAs) aged 15–40 years with acute lymphoblastic leukemia (ALL) who "
    "underwent\u00a0allogeneic hematopoietic stem cell transplantation (allo-HSCT) in second "
    "complete remission (CR2) between 2010 and 2022 were recently published in "
    "the\u00a0American Journal of Hematology by Pasvolsky et al."
)
SEED_KEY_DATA = (
    "At median follow-up of 36 months, 3-year overall survival (OS) and progression-free "
    "survival (PFS) were 53% and 46%, respectively. The 3-year cumulative incidences of "
    "relapse and non relapse mortality (NRM) were 36% and 18%, respectively. "
    "Allo-HSCT-specific comorbidity index &gt;3 was independently associated with inferior "
    "OS, PFS, and higher NRM. Measurable residual disease (MRD) positivity predicted worse PFS "
    "(hazard ratio [HR], 2.7; 95% confidence interval [CI], 1.5–4.8; p\u00a0&lt;\u00a00.001) and "
    "higher relapse risk (HR, 2.8; 95% CI, 1.4–5.6; p\u00a0=\u00a00.004) but not OS."
)
SEED_KEY_LEARNING = (
    "Allo-HSCT in CR2 remains a curative option for AYA patients with ALL, with outcomes "
    "influenced by pretransplant MRD status and comorbidities, supporting the need for "
    "risk-adapted transplant strategies."
)
MRD_EXPLANATION = (
    "MRD positivity predicted worse progression-free survival (HR, 2.7; 95% CI, 1.5–4.8; "
    "p\u00a0&lt;\u00a00.001) and a higher relapse risk (HR, 2.8; 95% CI, 1.4–5.6; "
    "p\u00a0=\u00a00.004), but not overall survival."
)
COMORBIDITY_EXPLANATION = (
    "An allo-HSCT-specific comorbidity index &gt;3 was independently associated with inferior "
    "overall and progression-free survival and higher non-relapse mortality. MRD positivity "
    "predicted worse progression-free survival and relapse, but not overall survival."
)

# Figures (the quiz's answers) and names (the funders') read the same in every language.
QUIZ_FIGURES = {figure: figure for figure in ("18%", "36%", "46%", "53%")}
FUNDER_NAMES = {
    name: name
    for name in (
        "Amgen",
        "Autolus",
        "Jazz Pharmaceuticals",
        "Pfizer",
        "Hippocrate Conference Institute",
    )
}

SPANISH = {
    # Topics
    "Transplantation": "Trasplante",
    "MRD": "ERM",
    "AYA": "Adolescentes y adultos jóvenes",
    "Immunotherapy": "Inmunoterapia",
    "Supportive care": "Cuidados de soporte",
    # Sponsorship levels
    "Platinum": "Platino",
    "Gold": "Oro",
    "Silver": "Plata",
    "Bronze": "Bronce",
    # HCP gate
    "Healthcare professionals only": "Solo para profesionales sanitarios",
    GATE_MESSAGE: (
        "Todo el contenido de este sitio está dirigido exclusivamente a profesionales "
        "sanitarios. Al aceptar este mensaje y acceder a la información de este sitio web, "
        "confirma que es usted un profesional sanitario."
    ),
    "I am a healthcare professional": "Soy profesional sanitario",
    "I am a patient or carer": "Soy paciente o cuidador",
    "Know ALL": "Know ALL",
    "I am not a healthcare professional": "No soy profesional sanitario",
    # Machine-translation notice
    "Translations are machine generated, so may not be an exact or complete translation, and "
    "The ALL Hub cannot guarantee the accuracy of translated content.": (
        "Las traducciones se generan automáticamente, por lo que pueden no ser exactas ni "
        "completas, y The ALL Hub no puede garantizar la exactitud del contenido traducido."
    ),
    # Home page
    "The ALL Hub": "The ALL Hub",
    "An independent medical education platform for healthcare professionals caring for "
    "patients with acute lymphoblastic leukemia.": (
        "Una plataforma independiente de formación médica para profesionales sanitarios que "
        "atienden a pacientes con leucemia linfoblástica aguda."
    ),
    "Independent medical education for healthcare professionals caring for patients with "
    "acute lymphoblastic leukemia.": (
        "Formación médica independiente para profesionales sanitarios que atienden a "
        "pacientes con leucemia linfoblástica aguda."
    ),
    "Now you can support HCPs in making informed decisions for their patients": (
        "Ahora puede ayudar a los profesionales sanitarios a tomar decisiones informadas "
        "para sus pacientes"
    ),
    SUPPORT_APPEAL: (
        "Su contribución nos ayuda a ofrecer de forma continua contenido seleccionado por "
        "expertos a profesionales sanitarios de todo el mundo. También podrá sugerir "
        "contenidos y recibir noticias sobre el impacto de las contribuciones en nuestro "
        "contenido."
    ),
    "Find out more": "Más información",
    # Articles index
    "Articles": "Artículos",
    "Summaries of new research in acute lymphoblastic leukemia, newest first.": (
        "Resúmenes de nuevas investigaciones sobre la leucemia linfoblástica aguda, de la más "
        "reciente a la más antigua."
    ),
    "Summaries of new research in acute lymphoblastic leukemia for healthcare professionals.": (
        "Resúmenes de nuevas investigaciones sobre la leucemia linfoblástica aguda para "
        "profesionales sanitarios."
    ),
    # Feedback survey
    "Your feedback": "Su opinión",
    "Feedback on the articles of The ALL Hub.": "Opiniones sobre los artículos de The ALL Hub.",
    "Please indicate your level of agreement with the following statements:": (
        "Indique su grado de acuerdo con las siguientes afirmaciones:"
    ),
    "Thank you for your feedback: it helps us plan the next articles.": (
        "Gracias por su opinión: nos ayuda a planificar los próximos artículos."
    ),
    "The content was clear and easy to understand": "El contenido era claro y fácil de entender",
    "The content addressed the learning objectives": (
        "El contenido respondió a los objetivos de aprendizaje"
    ),
    "The content was relevant to my practice": "El contenido era pertinente para mi práctica",
    "I will change my clinical practice as a result of this content": (
        "Cambiaré mi práctica clínica como resultado de este contenido"
    ),
    "Any other comments?": "¿Algún otro comentario?",
    # Poll
    "Your opinion matters": "Su opinión importa",
    "A poll for healthcare professionals on blinatumomab in upfront ALL treatment.": (
        "Una encuesta para profesionales sanitarios sobre el blinatumomab en el tratamiento "
        "de primera línea de la LLA."
    ),
    "What is your perception of incorporating blinatumomab into upfront ALL treatment "
    "regimens alongside traditional chemotherapy and pegaspargase?": (
        "¿Qué opina de incorporar el blinatumomab a los esquemas de tratamiento de primera "
        "línea de la LLA junto con la quimioterapia tradicional y la pegaspargasa?"
    ),
    "Very positive": "Muy positiva",
    "Somewhat positive": "Algo positiva",
    "Neutral / unsure": "Neutral / no estoy seguro",
    "Somewhat negative": "Algo negativa",
    "Very negative": "Muy negativa",
    # Seed article
    "Allogeneic HSCT in CR2 for AYAs with ALL: A dual-center study": (
        "TPH alogénico en RC2 en adolescentes y adultos jóvenes con LLA: un estudio de dos centros"
    ),
    "Outcomes of allogeneic HSCT in second complete remission for adolescents and young "
    "adults with ALL, from a dual-center retrospective study.": (
        "Resultados del TPH alogénico en segunda remisión completa en adolescentes y adultos "
        "jóvenes con LLA, según un estudio retrospectivo de dos centros."
    ),
    "After reading this article, learners will be able to cite a new clinical development in "
    "acute lymphoblastic leukemia.": (
        "Después de leer este artículo, los participantes podrán citar un nuevo avance clínico "
        "en la leucemia linfoblástica aguda."
    ),
    SEED_RESULTS: (
        "Pasvolsky et al. publicaron recientemente en el American Journal of Hematology los "
        "resultados de un estudio retrospectivo de dos centros que evaluó a 164\u00a0"
        "adolescentes y adultos jóvenes (AYA) de 15–40 años con leucemia linfoblástica aguda "
        "(LLA) sometidos a un trasplante alogénico de progenitores hematopoyéticos (alo-TPH) "
        "en segunda remisión completa (RC2) entre 2010 y 2022."
    ),
    SEED_KEY_DATA: (
        "Con una mediana de seguimiento de 36 meses, la supervivencia global (SG) y la "
        "supervivencia libre de progresión (SLP) a 3 años fueron del 53% y el 46%, "
        "respectivamente. Las incidencias acumuladas a 3 años de recaída y de mortalidad sin "
        "recaída (MSR) fueron del 36% y el 18%, respectivamente. Un índice de comorbilidad "
        "específico del alo-TPH &gt;3 se asoció de forma independiente con una SG y una SLP "
        "inferiores y una MSR más alta. La positividad de la enfermedad residual medible "
        "(ERM) predijo una peor SLP (hazard ratio [HR], 2.7; intervalo de confianza [IC] del "
        "95%, 1.5–4.8; p\u00a0&lt;\u00a00.001) y un mayor riesgo de recaída (HR, 2.8; IC del "
        "95%, 1.4–5.6; p\u00a0=\u00a00.004), pero no la SG."
    ),
    SEED_KEY_LEARNING: (
        "El alo-TPH en RC2 sigue siendo una opción curativa para los pacientes AYA con LLA; "
        "sus resultados dependen del estado de ERM antes del trasplante y de las "
        "comorbilidades, lo que respalda la necesidad de estrategias de trasplante adaptadas "
        "al riesgo."
    ),
    # Quick quiz
    "Quick quiz: allo-HSCT in CR2 for AYAs with ALL": (
        "Test rápido: alo-TPH en RC2 en adolescentes y adultos jóvenes con LLA"
    ),
    "Test what you know before reading the article, then take the quiz again afterwards to "
    "see what you have learned.": (
        "Ponga a prueba sus conocimientos antes de leer el artículo y vuelva a hacer el test "
        "después para ver lo que ha aprendido."
    ),
    "Four questions on allogeneic HSCT in second complete remission for adolescents and young "
    "adults with ALL.": (
        "Cuatro preguntas sobre el TPH alogénico en segunda remisión completa en adolescentes "
        "y adultos jóvenes con LLA."
    ),
    "In the dual-center study of 164 AYAs with ALL who underwent allo-HSCT in CR2, what was "
    "the 3-year overall survival?": (
        "En el estudio de dos centros con 164 adolescentes y adultos jóvenes con LLA sometidos "
        "a un alo-TPH en RC2, ¿cuál fue la supervivencia global a 3 años?"
    ),
    **QUIZ_FIGURES,
    "At a median follow-up of 36 months, 3-year overall survival was 53% and progression-free "
    "survival 46%.": (
        "Con una mediana de seguimiento de 36 meses, la supervivencia global a 3 años fue del "
        "53% y la supervivencia libre de progresión, del 46%."
    ),
    "What was the 3-year cumulative incidence of relapse after allo-HSCT in CR2?": (
        "¿Cuál fue la incidencia acumulada de recaída a 3 años tras el alo-TPH en RC2?"
    ),
    "The 3-year cumulative incidences of relapse and non-relapse mortality were 36% and 18%, "
    "respectively.": (
        "Las incidencias acumuladas a 3 años de recaída y de mortalidad sin recaída fueron del "
        "36% y el 18%, respectivamente."
    ),
    "What did measurable residual disease (MRD) positivity before transplant predict?": (
        "¿Qué predijo la positividad de la enfermedad residual medible (ERM) antes del trasplante?"
    ),
    "Worse overall survival only": "Solo una peor supervivencia global",
    "Worse progression-free survival and a higher risk of relapse, but not worse overall "
    "survival": (
        "Una peor supervivencia libre de progresión y un mayor riesgo de recaída, pero no una "
        "peor supervivencia global"
    ),
    "Higher non-relapse mortality, but not a higher risk of relapse": (
        "Una mayor mortalidad sin recaída, pero no un mayor riesgo de recaída"
    ),
    MRD_EXPLANATION: (
        "La positividad de la ERM predijo una peor supervivencia libre de progresión (HR, 2.7; "
        "IC del 95%, 1.5–4.8; p\u00a0&lt;\u00a00.001) y un mayor riesgo de recaída (HR, 2.8; "
        "IC del 95%, 1.4–5.6; p\u00a0=\u00a00.004), pero no una peor supervivencia global."
    ),
    "Which factor was independently associated with inferior overall survival, inferior "
    "progression-free survival and higher non-relapse mortality?": (
        "¿Qué factor se asoció de forma independiente con una supervivencia global inferior, "
        "una supervivencia libre de progresión inferior y una mayor mortalidad sin recaída?"
    ),
    "An allo-HSCT-specific comorbidity index &gt;3": (
        "Un índice de comorbilidad específico del alo-TPH &gt;3"
    ),
    "MRD positivity before transplant": "La positividad de la ERM antes del trasplante",
    "No factor was associated with these outcomes": (
        "Ningún factor se asoció con estos resultados"
    ),
    COMORBIDITY_EXPLANATION: (
        "Un índice de comorbilidad específico del alo-TPH &gt;3 se asoció de forma "
        "independiente con una supervivencia global y una supervivencia libre de progresión "
        "inferiores y una mayor mortalidad sin recaída. La positividad de la ERM predijo una "
        "peor supervivencia libre de progresión y más recaídas, pero no una peor supervivencia "
        "global."
    ),
    # Funders
    "Funders": "Financiadores",
    "The organisations that fund our work, listed by level of sponsorship.": (
        "Las organizaciones que financian nuestro trabajo, por nivel de patrocinio."
    ),
    "The organisations that fund The ALL Hub, by level of sponsorship.": (
        "Las organizaciones que financian The ALL Hub, por nivel de patrocinio."
    ),
    **FUNDER_NAMES,
    "the Hippocrate Conference Institute, an association of the Servier Group": (
        "Hippocrate Conference Institute, una asociación del Grupo Servier"
    ),
    "A biotechnology company developing medicines for serious illnesses.": (
        "Una empresa biotecnológica que desarrolla medicamentos para enfermedades graves."
    ),
    "A biopharmaceutical company developing T cell therapies.": (
        "Una empresa biofarmacéutica que desarrolla terapias con linfocitos T."
    ),
    "A biopharmaceutical company focused on oncology and neuroscience.": (
        "Una empresa biofarmacéutica centrada en la oncología y la neurociencia."
    ),
    "A research-based biopharmaceutical company.": (
        "Una empresa biofarmacéutica basada en la investigación."
    ),
    "An association of the Servier Group supporting independent medical education.": (
        "Una asociación del Grupo Servier que apoya la formación médica independiente."
    ),
    "A funder of The ALL Hub.": "Un financiador de The ALL Hub.",
}

FRENCH = {
    # Topics
    "Transplantation": "Greffe",
    "MRD": "Maladie résiduelle mesurable",
    "AYA": "Adolescents et jeunes adultes",
    "Immunotherapy": "Immunothérapie",
    "Supportive care": "Soins de support",
    # Sponsorship levels
    "Platinum": "Platine",
    "Gold": "Or",
    "Silver": "Argent",
    "Bronze": "Bronze",
    # HCP gate
    "Healthcare professionals only": "Réservé aux professionnels de santé",
    GATE_MESSAGE: (
        "L’ensemble du contenu de ce site est destiné exclusivement aux professionnels de "
        "santé. En acceptant ce message et en accédant aux informations de ce site, vous "
        "confirmez être un professionnel de santé."
    ),
    "I am a healthcare professional": "Je suis un professionnel de santé",
    "I am a patient or carer": "Je suis un patient ou un aidant",
    "Know ALL": "Know ALL",
    "I am not a healthcare professional": "Je ne suis pas un professionnel de santé",
    # Machine-translation notice
    "Translations are machine generated, so may not be an exact or complete translation, and "
    "The ALL Hub cannot guarantee the accuracy of translated content.": (
        "Les traductions sont générées automatiquement : elles peuvent être inexactes ou "
        "incomplètes, et The ALL Hub ne peut garantir l’exactitude du contenu traduit."
    ),
    # Home page
    "The ALL Hub": "The ALL Hub",
    "An independent medical education platform for healthcare professionals caring for "
    "patients with acute lymphoblastic leukemia.": (
        "Une plateforme indépendante de formation médicale pour les professionnels de santé "
        "qui soignent des patients atteints de leucémie aiguë lymphoblastique."
    ),
    "Independent medical education for healthcare professionals caring for patients with "
    "acute lymphoblastic leukemia.": (
        "Formation médicale indépendante pour les professionnels de santé qui soignent des "
        "patients atteints de leucémie aiguë lymphoblastique."
    ),
    "Now you can support HCPs in making informed decisions for their patients": (
        "Aidez les professionnels de santé à prendre des décisions éclairées pour leurs patients"
    ),
    SUPPORT_APPEAL: (
        "Votre contribution nous aide à proposer en continu aux professionnels de santé du "
        "monde entier des contenus sélectionnés par des experts. Vous pourrez aussi suggérer "
        "un contenu et être informé de l’impact des contributions sur nos contenus."
    ),
    "Find out more": "En savoir plus",
    # Articles index
    "Articles": "Articles",
    "Summaries of new research in acute lymphoblastic leukemia, newest first.": (
        "Résumés des nouvelles recherches sur la leucémie aiguë lymphoblastique, les plus "
        "récentes d’abord."
    ),
    "Summaries of new research in acute lymphoblastic leukemia for healthcare professionals.": (
        "Résumés des nouvelles recherches sur la leucémie aiguë lymphoblastique pour les "
        "professionnels de santé."
    ),
    # Feedback survey
    "Your feedback": "Votre avis",
    "Feedback on the articles of The ALL Hub.": "Avis sur les articles de The ALL Hub.",
    "Please indicate your level of agreement with the following statements:": (
        "Veuillez indiquer votre degré d’accord avec les affirmations suivantes :"
    ),
    "Thank you for your feedback: it helps us plan the next articles.": (
        "Merci pour votre avis : il nous aide à préparer les prochains articles."
    ),
    "The content was clear and easy to understand": "Le contenu était clair et facile à comprendre",
    "The content addressed the learning objectives": (
        "Le contenu répondait aux objectifs pédagogiques"
    ),
    "The content was relevant to my practice": "Le contenu était pertinent pour ma pratique",
    "I will change my clinical practice as a result of this content": (
        "Je modifierai ma pratique clinique grâce à ce contenu"
    ),
    "Any other comments?": "D’autres commentaires ?",
    # Poll
    "Your opinion matters": "Votre avis compte",
    "A poll for healthcare professionals on blinatumomab in upfront ALL treatment.": (
        "Un sondage destiné aux professionnels de santé sur le blinatumomab dans le "
        "traitement de première ligne de la LAL."
    ),
    "What is your perception of incorporating blinatumomab into upfront ALL treatment "
    "regimens alongside traditional chemotherapy and pegaspargase?": (
        "Que pensez-vous de l’intégration du blinatumomab aux schémas de traitement de "
        "première ligne de la LAL, aux côtés de la chimiothérapie classique et de la "
        "pégaspargase ?"
    ),
    "Very positive": "Très positive",
    "Somewhat positive": "Plutôt positive",
    "Neutral / unsure": "Neutre / incertain",
    "Somewhat negative": "Plutôt négative",
    "Very negative": "Très négative",
    # Seed article
    "Allogeneic HSCT in CR2 for AYAs with ALL: A dual-center study": (
        "Allogreffe de CSH en RC2 chez les AJA atteints de LAL : une étude bicentrique"
    ),
    "Outcomes of allogeneic HSCT in second complete remission for adolescents and young "
    "adults with ALL, from a dual-center retrospective study.": (
        "Résultats de l’allogreffe de CSH en deuxième rémission complète chez les adolescents "
        "et jeunes adultes atteints de LAL, d’après une étude rétrospective bicentrique."
    ),
    "After reading this article, learners will be able to cite a new clinical development in "
    "acute lymphoblastic leukemia.": (
        "Après la lecture de cet article, les apprenants pourront citer une nouvelle avancée "
        "clinique dans la leucémie aiguë lymphoblastique."
    ),
    SEED_RESULTS: (
        "Pasvolsky et al. ont récemment publié dans l’American Journal of Hematology les "
        "résultats d’une étude rétrospective bicentrique portant sur 164\u00a0adolescents et "
        "jeunes adultes (AJA) âgés de 15–40 ans atteints de leucémie aiguë lymphoblastique "
        "(LAL) ayant reçu une allogreffe de cellules souches hématopoïétiques (allo-CSH) en "
        "deuxième rémission complète (RC2) entre 2010 et 2022."
    ),
    SEED_KEY_DATA: (
        "Avec un suivi médian de 36 mois, la survie globale (SG) et la survie sans progression "
        "(SSP) à 3 ans étaient respectivement de 53% et 46%. Les incidences cumulées à 3 ans "
        "de la rechute et de la mortalité sans rechute (MSR) étaient respectivement de 36% et "
        "18%. Un indice de comorbidité spécifique de l’allo-CSH &gt;3 était associé de façon "
        "indépendante à une SG et une SSP plus faibles et à une MSR plus élevée. La positivité "
        "de la maladie résiduelle mesurable (MRD) prédisait une SSP plus défavorable (hazard "
        "ratio [HR], 2.7; intervalle de confiance [IC] à 95%, 1.5–4.8; p\u00a0&lt;\u00a00.001) "
        "et un risque de rechute plus élevé (HR, 2.8; IC à 95%, 1.4–5.6; p\u00a0=\u00a00.004), "
        "mais pas la SG."
    ),
    SEED_KEY_LEARNING: (
        "L’allo-CSH en RC2 reste une option curative pour les AJA atteints de LAL ; ses "
        "résultats dépendent du statut MRD avant la greffe et des comorbidités, ce qui plaide "
        "pour des stratégies de greffe adaptées au risque."
    ),
    # Quick quiz
    "Quick quiz: allo-HSCT in CR2 for AYAs with ALL": (
        "Quiz rapide : allo-CSH en RC2 chez les AJA atteints de LAL"
    ),
    "Test what you know before reading the article, then take the quiz again afterwards to "
    "see what you have learned.": (
        "Testez vos connaissances avant de lire l’article, puis refaites le quiz ensuite pour "
        "mesurer ce que vous avez appris."
    ),
    "Four questions on allogeneic HSCT in second complete remission for adolescents and young "
    "adults with ALL.": (
        "Quatre questions sur l’allogreffe de CSH en deuxième rémission complète chez les "
        "adolescents et jeunes adultes atteints de LAL."
    ),
    "In the dual-center study of 164 AYAs with ALL who underwent allo-HSCT in CR2, what was "
    "the 3-year overall survival?": (
        "Dans l’étude bicentrique portant sur 164 AJA atteints de LAL ayant reçu une allo-CSH "
        "en RC2, quelle était la survie globale à 3 ans ?"
    ),
    **QUIZ_FIGURES,
    "At a median follow-up of 36 months, 3-year overall survival was 53% and progression-free "
    "survival 46%.": (
        "Avec un suivi médian de 36 mois, la survie globale à 3 ans était de 53% et la survie "
        "sans progression de 46%."
    ),
    "What was the 3-year cumulative incidence of relapse after allo-HSCT in CR2?": (
        "Quelle était l’incidence cumulée de la rechute à 3 ans après une allo-CSH en RC2 ?"
    ),
    "The 3-year cumulative incidences of relapse and non-relapse mortality were 36% and 18%, "
    "respectively.": (
        "Les incidences cumulées à 3 ans de la rechute et de la mortalité sans rechute étaient "
        "respectivement de 36% et 18%."
    ),
    "What did measurable residual disease (MRD) positivity before transplant predict?": (
        "Que prédisait la positivité de la maladie résiduelle mesurable (MRD) avant la greffe ?"
    ),
    "Worse overall survival only": "Une survie globale plus défavorable uniquement",
    "Worse progression-free survival and a higher risk of relapse, but not worse overall "
    "survival": (
        "Une survie sans progression plus défavorable et un risque de rechute plus élevé, mais "
        "pas une survie globale plus défavorable"
    ),
    "Higher non-relapse mortality, but not a higher risk of relapse": (
        "Une mortalité sans rechute plus élevée, mais pas un risque de rechute plus élevé"
    ),
    MRD_EXPLANATION: (
        "La positivité de la MRD prédisait une survie sans progression plus défavorable (HR, "
        "2.7; IC à 95%, 1.5–4.8; p\u00a0&lt;\u00a00.001) et un risque de rechute plus élevé "
        "(HR, 2.8; IC à 95%, 1.4–5.6; p\u00a0=\u00a00.004), mais pas une survie globale plus "
        "défavorable."
    ),
    "Which factor was independently associated with inferior overall survival, inferior "
    "progression-free survival and higher non-relapse mortality?": (
        "Quel facteur était associé de façon indépendante à une survie globale plus faible, à "
        "une survie sans progression plus faible et à une mortalité sans rechute plus élevée ?"
    ),
    "An allo-HSCT-specific comorbidity index &gt;3": (
        "Un indice de comorbidité spécifique de l’allo-CSH &gt;3"
    ),
    "MRD positivity before transplant": "La positivité de la MRD avant la greffe",
    "No factor was associated with these outcomes": "Aucun facteur n’était associé à ces résultats",
    COMORBIDITY_EXPLANATION: (
        "Un indice de comorbidité spécifique de l’allo-CSH &gt;3 était associé de façon "
        "indépendante à une survie globale et une survie sans progression plus faibles et à une "
        "mortalité sans rechute plus élevée. La positivité de la MRD prédisait une survie sans "
        "progression plus défavorable et davantage de rechutes, mais pas une survie globale "
        "plus défavorable."
    ),
    # Funders
    "Funders": "Financeurs",
    "The organisations that fund our work, listed by level of sponsorship.": (
        "Les organisations qui financent notre travail, par niveau de parrainage."
    ),
    "The organisations that fund The ALL Hub, by level of sponsorship.": (
        "Les organisations qui financent The ALL Hub, par niveau de parrainage."
    ),
    **FUNDER_NAMES,
    "the Hippocrate Conference Institute, an association of the Servier Group": (
        "Hippocrate Conference Institute, association du groupe Servier"
    ),
    "A biotechnology company developing medicines for serious illnesses.": (
        "Une entreprise de biotechnologie qui développe des médicaments contre des maladies graves."
    ),
    "A biopharmaceutical company developing T cell therapies.": (
        "Une entreprise biopharmaceutique qui développe des thérapies par lymphocytes T."
    ),
    "A biopharmaceutical company focused on oncology and neuroscience.": (
        "Une entreprise biopharmaceutique spécialisée en oncologie et en neurosciences."
    ),
    "A research-based biopharmaceutical company.": (
        "Une entreprise biopharmaceutique fondée sur la recherche."
    ),
    "An association of the Servier Group supporting independent medical education.": (
        "Une association du groupe Servier qui soutient la formation médicale indépendante."
    ),
    "A funder of The ALL Hub.": "Un financeur de The ALL Hub.",
}

DEMO_STRINGS = {"es": SPANISH, "fr": FRENCH}
