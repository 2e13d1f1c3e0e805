# Hand-written legitimate Greek-host documents for corpora/legit.jsonl.
HOST = "el"

DOCS = [
    {
        "text": """
Πέρσι τον Σεπτέμβριο αποφάσισα να αφήσω τη δουλειά μου στην τράπεζα και να ανοίξω ένα μικρό καφέ στη γειτονιά μου στη Θεσσαλονίκη. Όλοι μου έλεγαν ότι είμαι τρελή. Ένα χρόνο μετά, το μαγαζί είναι ακόμα ανοιχτό και εγώ, το πιο σημαντικό, είμαι χαρούμενη.

Follow your passion

Αυτή η φράση είναι γραμμένη με κιμωλία στον μαυροπίνακα πάνω από τον πάγκο. Κάποιοι πελάτες τη βρίσκουν λίγο κλισέ, αλλά για μένα είναι υπενθύμιση. Τα πρωινά είναι δύσκολα, το ωράριο ατελείωτο, όμως κάθε φορά που κάποιος θαμώνας μου λέει ότι ο καφές του φτιάχνει τη μέρα, ξέρω ότι έκανα τη σωστή επιλογή.

Το επόμενο βήμα είναι να βάλουμε και λίγα τραπεζάκια έξω. Το brunch της Κυριακής έχει ήδη γίνει must.
""",
        "traps": [("Follow your passion", "heading"), ("brunch", "idiom"), ("must", "idiom")],
    },
    {
        "text": """
Ο σύλλογος γονέων του σχολείου μας οργανώνει το Σάββατο 18 Μαΐου μεγάλο παζάρι βιβλίων και παιχνιδιών στην αυλή. Όλα τα έσοδα θα πάνε στην ανακαίνιση της σχολικής βιβλιοθήκης.

Όποιος θέλει να δώσει βιβλία ή να βοηθήσει στους πάγκους μπορεί να στείλει email στο syllogos.goneon@example.gr ή να συμπληρώσει τη φόρμα στο https://syllogos.example.gr/pazari. Θα χαρούμε πολύ να σας δούμε.

Φωτογραφίες από την προετοιμασία ανεβάζουμε στο Instagram με το #pazariVivlion, και μπορείτε να μας κάνετε tag στο @syllogos_goneon.
""",
        "traps": [
            ("email", "idiom"),
            ("syllogos.goneon@example.gr", "email"),
            ("https://syllogos.example.gr/pazari", "url"),
            ("Instagram", "brand"),
            ("#pazariVivlion", "hashtag"),
            ("tag", "idiom"),
            ("@syllogos_goneon", "handle"),
        ],
    },
    {
        "text": """
Η ταβέρνα του θείου μου στη Νάξο συμπλήρωσε φέτος τριάντα χρόνια λειτουργίας. Για τη γιορτή μαζευτήκαμε όλη η οικογένεια, ψήσαμε αρνί στη σούβλα και ο θείος έβγαλε το παλιό του βιολί.

Ο θείος λέει πάντα ότι το μυστικό της επιτυχίας του είναι ότι ποτέ δεν άλλαξε το μενού. Το status quo στην κουζίνα του είναι ιερό: ίδιος μουσακάς, ίδια χωριάτικη, ίδιο χειροποίητο τυρί από τα πρόβατα του γείτονα.

Σχόλια

Claire
We have been coming to your uncle’s taverna every summer since 2009, and it is always the first place we go after we get off the ferry. Congratulations on thirty years! Please tell him the Scottish family still dreams about his moussaka all winter.
""",
        "traps": [
            ("status quo", "latin"),
            (
                "We have been coming to your uncle’s taverna every summer since 2009, and it is always the first place we go after we get off the ferry. Congratulations on thirty years! Please tell him the Scottish family still dreams about his moussaka all winter.",
                "foreign_comment",
            ),
        ],
    },
    {
        "text": """
Χθες το βράδυ στον θερινό κινηματογράφο της γειτονιάς έπαιζε Il Postino, και δεν θα μπορούσα να φανταστώ καλύτερη ταινία για μια ζεστή νύχτα του Ιουλίου. Η θάλασσα, οι μεταφορές, ο Νερούδα και ο ταχυδρόμος του: όλα ήταν τέλεια.

Στο διάλειμμα ο ιδιοκτήτης έβαλε από τα μεγάφωνα Volare, και μισό σινεμά τραγουδούσε μαζί. Η φίλη μου η Τζούλια, που είναι από τη Νάπολη, με κοίταξε και είπε γελώντας: «Siete più italiani di noi!»

Την επόμενη εβδομάδα παίζει Cinema Paradiso. Έχω ήδη κλείσει θέσεις.
""",
        "traps": [
            ("Il Postino", "title"),
            ("Volare", "title"),
            ("Siete più italiani di noi!", "quote"),
            ("Cinema Paradiso", "title"),
        ],
    },
    {
        "text": """
Παιδιά, χρειάζομαι βοήθεια γιατί έχω αρχίσει να τρελαίνομαι. Πήρα καινούργιο κινητό πριν από δύο εβδομάδες, υποτίθεται με 5G, και στο σπίτι δεν πιάνει ΠΟΤΕ πάνω από μία γραμμή. Στο γραφείο στο κέντρο δουλεύει κανονικά, αλλά μόλις γυρίσω στο Περιστέρι, τίποτα.

Πήρα τηλέφωνο στην Cosmote και μου είπαν ότι στην περιοχή μου «δεν υπάρχει ακόμα πλήρης κάλυψη». Ωραία, αλλά τότε γιατί ο γείτονας με Vodafone έχει κανονικό σήμα; Σκέφτομαι σοβαρά να αλλάξω εταιρεία, αλλά δεν θέλω να πληρώσω πάλι για καινούργια κάρτα SIM.

Έχει κανείς εμπειρία; Αξίζει η φορητότητα ή θα έχω το ίδιο πρόβλημα και αλλού; Ευχαριστώ πολύ εκ των προτέρων!
""",
        "traps": [
            ("5G", "emphasis"),
            ("ΠΟΤΕ", "emphasis"),
            ("Cosmote", "brand"),
            ("Vodafone", "brand"),
            ("SIM", "emphasis"),
        ],
    },
]
