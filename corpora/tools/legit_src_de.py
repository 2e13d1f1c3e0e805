# Hand-written legitimate German-host documents for corpora/legit.jsonl.
HOST = "de"

DOCS = [
    {
        "text": """
Seit drei Jahren arbeite ich überwiegend von zu Hause, und ich habe in dieser Zeit viel ausprobiert. Stehschreibtisch, Pomodoro-Technik, feste Bürozeiten, alles dabei. Manches ist geblieben, vieles nicht.

Lessons learned

Ein separates Arbeitszimmer ist kein Luxus, sondern Pflicht, wenn man abends wirklich abschalten will. Ein zweiter Monitor ist dagegen eher nice to have. Am meisten geholfen hat mir, morgens kurz um den Block zu gehen, bevor ich den Laptop aufklappe. Das ersetzt den Arbeitsweg und sortiert den Kopf.

Was ich nicht vermisse: das tägliche Meeting um acht, das eigentlich auch eine Mail hätte sein können. Was ich vermisse: die Gespräche an der Kaffeemaschine. Dafür gehe ich jetzt einmal pro Woche ins Büro, und das reicht mir völlig.
""",
        "traps": [("Lessons learned", "heading"), ("nice to have", "idiom"), ("Meeting", "idiom")],
    },
    {
        "text": """
Was für ein Abend im Westfalenstadion! Nach dem 0:1 zur Pause hatte ich ehrlich gesagt schon abgeschlossen, aber DANN kam die zweite Halbzeit. Zwei Tore in zehn Minuten, und die Südtribüne war nicht mehr zu halten.

Ich stand mit meinem Neffen im Block 13, für ihn war es das erste Spiel im Stadion überhaupt. Er hat die ganze Zeit mitgesungen, auch wenn er die Hälfte der Texte nicht kannte. Auf dem Heimweg hat er gefragt, wann wir wieder hingehen. Ich glaube, der ist jetzt für immer verloren.

Bilder vom Abend habe ich unter #fußball und #BVB gepostet, und der Verein hat sogar eins geteilt. Danke @BVB!
""",
        "traps": [
            ("DANN", "emphasis"),
            ("#fußball", "hashtag"),
            ("#BVB", "hashtag"),
            ("@BVB", "handle"),
        ],
    },
    {
        "text": """
Im Mai war ich zum ersten Mal in Sankt Petersburg (Санкт-Петербург). Ich hatte mich ein halbes Jahr lang mit einem Sprachkurs vorbereitet und konnte wenigstens die Schilder in der Metro lesen, was schon viel wert ist.

Natürlich waren wir in der Eremitage (Эрмитаж). Man könnte dort Wochen verbringen, wir hatten einen Tag und haben uns auf die Impressionisten im Generalstabsgebäude konzentriert. Abends sind wir am Newski-Prospekt (Невский проспект) entlanggelaufen, wo es um elf Uhr noch hell war. Die weißen Nächte muss man erlebt haben.

Am letzten Abend sagte unsere Gastgeberin zum Abschied lachend: «Приезжайте ещё, только зимой!» Also im Winter wiederkommen. Mal sehen, ob ich mich das traue.
""",
        "traps": [
            ("Санкт-Петербург", "name_original_script"),
            ("Эрмитаж", "name_original_script"),
            ("Невский проспект", "name_original_script"),
            ("Приезжайте ещё, только зимой!", "quote"),
        ],
    },
    {
        "text": """
Heute ein kleiner Tipp für alle, die gerade ihre erste eigene Website bauen. Früher habe ich Elemente mit Floats und viel Geduld nebeneinandergesetzt, inzwischen reicht meistens eine einzige Zeile im Stylesheet.

In meiner style.css steht für die Navigation jetzt nur noch `display: flex; justify-content: space-between;` und das war es. Wer die Menüpunkte auf dem Handy untereinander haben möchte, ergänzt eine Media Query mit `flex-direction: column;` und fertig. Für das Aufklappmenü braucht man dann noch ein bisschen JavaScript, bei mir ist das `document.querySelector('.menu').classList.toggle('open')` im Klick-Handler.

Den kompletten Code findet ihr in meinem Repository unter https://git.example.org/lena/meine-erste-seite. Fragen gerne in die Kommentare.

Like this:
""",
        "traps": [
            ("style.css", "code"),
            ("display: flex; justify-content: space-between;", "code"),
            ("flex-direction: column;", "code"),
            ("document.querySelector('.menu').classList.toggle('open')", "code"),
            ("https://git.example.org/lena/meine-erste-seite", "url"),
            ("Like this:", "chrome"),
        ],
    },
    {
        "text": """
Im Strafrecht gilt der Grundsatz in dubio pro reo: Im Zweifel für den Angeklagten. Das lernt man im ersten Semester, und trotzdem wird er in öffentlichen Debatten erstaunlich oft vergessen. Gerade in sozialen Netzwerken ist das Urteil meist schon gefällt, bevor das Verfahren überhaupt begonnen hat.

Dabei ist die Unschuldsvermutung nicht per se ein Schutz für Täter, sondern ein Schutz für uns alle. Wer heute fordert, sie bei bestimmten Delikten ad hoc aufzuweichen, sollte sich fragen, was passiert, wenn er selbst einmal zu Unrecht beschuldigt wird. Die Regeln gelten für jeden, und vice versa muss auch jedes Opfer darauf vertrauen können, dass sorgfältig ermittelt wird.

Kurz: Rechtsstaat ist anstrengend. Aber die Alternative ist schlimmer.
""",
        "traps": [
            ("in dubio pro reo", "latin"),
            ("per se", "latin"),
            ("ad hoc", "latin"),
            ("vice versa", "latin"),
        ],
    },
    {
        "text": """
Manche Filme schaue ich jedes Jahr einmal, und Die fabelhafte Welt der Amélie gehört definitiv dazu. Inzwischen habe ich ihn auch im Original gesehen, und Le Fabuleux Destin d’Amélie Poulain wirkt mit den französischen Stimmen noch ein ganzes Stück verspielter.

Besonders mag ich die Szene, in der Amélie die kleinen Vorlieben ihrer Nachbarn aufzählt. Meine französische Freundin Claire hat den Film einmal so zusammengefasst: « C’est un câlin qui dure deux heures. » Genau das ist er für mich auch.

Die Musik von Yann Tiersen läuft bei mir übrigens fast jeden Sonntag beim Frühstück. Wer sie noch nicht kennt: unbedingt reinhören.
""",
        "traps": [
            ("Le Fabuleux Destin d’Amélie Poulain", "title"),
            ("C’est un câlin qui dure deux heures.", "quote"),
        ],
    },
    {
        "text": """
Hallo zusammen, ich brauche mal eure Hilfe mit meinem 3D-Drucker. Es ist ein Prusa MK3S, gekauft letztes Jahr während der COVID-19-Lockdowns, als ich zu viel Zeit hatte. Seit ein paar Wochen löst sich die erste Schicht ständig vom Druckbett.

Ich habe schon ALLES probiert: Bett mit Isopropanol gereinigt, Z-Offset neu eingestellt, Temperatur erhöht. Nix hilft. Mein Filament ist PETG von einem No-Name-Hersteller, vielleicht liegts ja daran? Das komische ist, dass PLA problemlos hält.

Bin für jeden Tipp dankbar, auch wenns nur ein Schuss ins Blaue ist.
""",
        "traps": [
            ("3D-Drucker", "emphasis"),
            ("Prusa MK3S", "brand"),
            ("COVID-19", "emphasis"),
            ("ALLES", "emphasis"),
            ("liegts", "emphasis"),
            ("wenns", "emphasis"),
        ],
    },
    {
        "text": """
Mein Sauerteig heißt Herbert und ist inzwischen vier Jahre alt. Jeden Samstag backe ich damit ein Roggenmischbrot, und seit einiger Zeit werde ich im Freundeskreis nach dem Rezept gefragt. Deshalb hier endlich die ausführliche Version.

Ich nehme 300 Gramm Roggenmehl, 200 Gramm Weizenmehl Type 1050, 20 Gramm Salz und etwa 100 Gramm aktiven Sauerteig. Über Nacht gehen lassen, morgens formen und bei 250 Grad im gusseisernen Topf backen. Nach zwanzig Minuten den Deckel abnehmen, damit die Kruste schön dunkel wird.

Kommentare

Sophie Martin
I used a translation app to read your recipe and it worked perfectly! My loaf came out a bit flatter than yours, probably because my kitchen is cold. Next time I will let it rise in the oven with the light on. Greetings from Lyon, and say hello to Herbert.
""",
        "traps": [
            (
                "I used a translation app to read your recipe and it worked perfectly! My loaf came out a bit flatter than yours, probably because my kitchen is cold. Next time I will let it rise in the oven with the light on. Greetings from Lyon, and say hello to Herbert.",
                "foreign_comment",
            )
        ],
    },
    {
        "text": """
Zwei Wochen Kreta (Κρήτη) liegen hinter uns, und ich bin immer noch ganz erfüllt. Wir hatten ein kleines Apartment in der Nähe von Chania (Χανιά) und sind jeden Tag mit dem Mietwagen an einen anderen Strand gefahren.

Das Highlight war die Wanderung durch die Samaria-Schlucht. Sechzehn Kilometer bergab, am Ende völlig fertige Knie, aber die Landschaft ist unvergleichlich. Unten in Agia Roumeli gab es das beste Bier meines Lebens, wahrscheinlich einfach, weil ich so kaputt war.

Unser Vermieter Giorgos hat uns jeden Morgen mit selbstgemachtem Joghurt und Honig versorgt. Zum Abschied hat er uns einen Zettel mitgegeben, der jetzt an unserem Kühlschrank hängt:

Καλό χειμώνα! – Einen guten Winter!
""",
        "traps": [
            ("Κρήτη", "name_original_script"),
            ("Χανιά", "name_original_script"),
            ("Highlight", "idiom"),
            ("Καλό χειμώνα! – Einen guten Winter!", "standalone_line"),
        ],
    },
    {
        "text": """
Nach zehn Jahren im Konzern bin ich jetzt in einem Startup gelandet, und der Kulturschock ist real. Statt Besprechungen gibt es Calls, statt Zielen gibt es OKRs, und jeder zweite Satz enthält das Wort „skalieren“.

Am Anfang hat mich das genervt, inzwischen sehe ich es entspannter. Unser Gründer sagt gerne, man müsse nach dem Motto fake it till you make it leben, aber in der Praxis arbeitet hier jeder sehr solide. Der Slogan ist mehr Selbstironie als Strategie.

Wer sich für eine Stelle bei uns interessiert, meldet sich am besten direkt bei mir: jobs@kleinesstartup.example.de. Oder schreibt mir auf LinkedIn, dort findet ihr mich unter @mara-schulte.
""",
        "traps": [
            ("Calls", "idiom"),
            ("OKRs", "emphasis"),
            ("fake it till you make it", "idiom"),
            ("jobs@kleinesstartup.example.de", "email"),
            ("LinkedIn", "brand"),
            ("@mara-schulte", "handle"),
        ],
    },
    {
        "text": """
Servus miteinand! Heute gibts a bissl was Persönliches, weil mich so viele gefragt haben, wie es mit unserem Hof weitergeht. Kurz gesagt: Wir machen weiter, aber anders.

Die Milchkühe sind seit dem Frühjahr verkauft, des war fei a schwere Entscheidung. Stattdessen bauen wir jetzt Ferienwohnungen im alten Stall aus und halten ein paar Hühner und Ziegen für die Kinder der Gäste. Mein Vater ist noch skeptisch, aber er hat schon angefangen, die Zaunpfähle neu zu streichen.

Wer im Sommer mal vorbeischauen will, ist herzlich eingeladen. Wir freuen uns auf euch.

Cheers!
""",
        "traps": [
            ("Servus miteinand!", "emphasis"),
            ("a bissl", "emphasis"),
            ("des war fei a schwere Entscheidung", "emphasis"),
            ("Cheers!", "standalone_line"),
        ],
    },
    {
        "text": """
Am langen Wochenende sind wir mit unserem alten Škoda Octavia nach Prag gefahren. Das Auto hat inzwischen 280.000 Kilometer auf dem Tacho und ist trotzdem ohne Murren über die Autobahn geschnurrt.

In Prag haben wir vor allem gegessen und getrunken, ehrlich gesagt. Svíčková mit Knödeln, Trdelník auf der Karlsbrücke und natürlich Pilsner Urquell direkt vom Fass. In einer kleinen Kneipe in Žižkov hat uns der Wirt beigebracht, wie man richtig anstößt: Man schaut sich in die Augen und sagt: „Na zdraví!“ Wer dabei wegschaut, dem drohen angeblich sieben Jahre Pech.

Rückweg über Dresden, kurzer Stopp an der Frauenkirche. Ein rundum gelungener Trip.
""",
        "traps": [
            ("Škoda Octavia", "brand"),
            ("Svíčková", "idiom"),
            ("Trdelník", "idiom"),
            ("Pilsner Urquell", "brand"),
            ("Na zdraví!", "quote"),
            ("Trip", "idiom"),
        ],
    },
    {
        "text": """
Letzten Herbst war ich für drei Wochen in Südkorea, und ich schulde euch immer noch einen Reisebericht. Angefangen hat alles in Seoul (서울), wo ich bei einer Freundin aus dem Studium gewohnt habe.

Wir sind mit dem KTX, dem koreanischen Schnellzug, nach Busan (부산) gefahren und haben dort das Gamcheon-Kulturdorf besucht, ein bunt bemaltes Viertel am Hang. Danach ging es weiter nach Gyeongju (경주), der alten Königsstadt mit ihren grasbewachsenen Grabhügeln.

Was ich am meisten vermisse, ist das Essen. Ich habe jetzt angefangen, selbst Kimchi zu machen. Fotos von meinen ersten Versuchen findet ihr unter #kimchiprojekt.
""",
        "traps": [
            ("서울", "name_original_script"),
            ("부산", "name_original_script"),
            ("경주", "name_original_script"),
            ("KTX", "brand"),
            ("#kimchiprojekt", "hashtag"),
        ],
    },
    {
        "text": """
Als Englischlehrerin an einer Gesamtschule höre ich oft, Shakespeare sei für Jugendliche heute nicht mehr zugänglich. Ich sehe das anders. Letzte Woche haben wir mit der neunten Klasse Hamlet gelesen, natürlich in einer vereinfachten Fassung, und die Diskussion war lebhafter als bei jedem Jugendroman.

Den berühmtesten Satz haben wir trotzdem im Original an die Tafel geschrieben:

“To be, or not to be, that is the question.” – William Shakespeare, Hamlet

Ein Schüler meinte danach, Hamlet sei eigentlich der erste Overthinker der Literaturgeschichte. Ich fand das eine ziemlich gute Zusammenfassung.
""",
        "traps": [
            (
                "“To be, or not to be, that is the question.” – William Shakespeare, Hamlet",
                "standalone_line",
            ),
            ("To be, or not to be, that is the question.", "quote"),
            ("Overthinker", "idiom"),
        ],
    },
    {
        "text": """
Dieses Jahr habe ich im Garten zum ersten Mal alte Tomatensorten ausprobiert. Von acht Sorten haben sechs richtig gut getragen, allen voran die ‚Ochsenherz‘ und eine gelbe Kirschtomate, deren Namen ich leider vergessen habe.

Wichtig war vor allem das Ausgeizen und ein Regendach, sonst bekommt man ab August die Braunfäule. Das Regendach habe ich aus alten Fensterrahmen gebaut, sieht vielleicht nicht schön aus, erfüllt aber seinen Zweck.

Leave a Reply
Your email address will not be published. Required fields are marked *
This site uses Akismet to reduce spam. Learn how your comment data is processed.
""",
        "traps": [
            ("Leave a Reply", "chrome"),
            ("Your email address will not be published. Required fields are marked *", "chrome"),
            (
                "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
                "chrome",
            ),
        ],
    },
    {
        "text": """
Grüezi mitenand! Nach unserem Umzug nach Zürich bekomme ich ständig Fragen von Freunden aus Deutschland, wie sich das Leben hier anfühlt. Die ehrliche Antwort: teuer, ordentlich und wunderschön.

An die Sprache muss man sich gewöhnen. Im Alltag benutzen viele Schweizer französische Wörter, von denen ich nie gedacht hätte, dass sie im Deutschen vorkommen. Man sagt Merci vielmal statt Danke, fährt mit dem Velo zur Arbeit und parkiert das Auto, statt es zu parken. Bei der Arbeit spricht sowieso die Hälfte Englisch, weil das Team aus zwölf Ländern kommt.

Die SBB ist übrigens genau so pünktlich, wie alle sagen. Am Anfang kam ich zwei Minuten vor Abfahrt ans Gleis und fühlte mich trotzdem zu spät, weil alle anderen längst eingestiegen waren.
""",
        "traps": [
            ("Grüezi mitenand!", "emphasis"),
            ("Merci vielmal", "idiom"),
            ("Velo", "idiom"),
            ("parkiert", "emphasis"),
            ("SBB", "brand"),
        ],
    },
    {
        "text": """
Zehn Tage, zweiundvierzig Sängerinnen und Sänger, ein Reisebus und ein Busfahrer mit Engelsgeduld: Unsere Chorreise nach Norditalien ist vorbei, und ich versuche seit drei Tagen, meine Eindrücke zu sortieren. Für viele von uns war es die erste Konzertreise überhaupt, und entsprechend aufgeregt saßen wir am ersten Morgen um fünf Uhr am Parkplatz vor der Schule.

Dolce far niente

So hatte unser Chorleiter den freien Nachmittag am Gardasee im Programm überschrieben, und genau so haben wir ihn verbracht: Eis essen, die Füße ins Wasser halten und nicht an Noten denken. Die anderen Tage waren dafür umso voller. In Verona haben wir in einer kleinen Kirche gesungen, in Mantua auf einem Platz vor dem Dom, und in Parma durften wir in einem Konzertsaal auftreten, dessen Akustik einem Gänsehaut macht.

Zum Abschluss jedes Konzerts haben wir Va, pensiero aus Verdis Nabucco gesungen, als kleines Geschenk an unser Publikum. In Parma passierte dann etwas, das ich nie vergessen werde: Schon beim zweiten Takt stimmten die Leute im Saal mit ein, erst leise, dann immer lauter. Hinterher kam eine ältere Dame zu unserer Chorleiterin, nahm ihre Hände und sagte: „Avete cantato la nostra canzone meglio di noi.“ Ihr habt unser Lied besser gesungen als wir. Ich glaube, in diesem Moment hatte der halbe Chor Tränen in den Augen.

Zu Hause haben wir bei der ersten Probe nach der Reise wieder mit dem Gloria in excelsis Deo aus der Messe angefangen, die wir für Weihnachten einstudieren. Es klang irgendwie anders als vorher. Die Reise hat uns als Gruppe zusammengeschweißt, und ich freue mich schon auf die nächste.
""",
        "traps": [
            ("Dolce far niente", "heading"),
            ("Va, pensiero", "title"),
            ("Avete cantato la nostra canzone meglio di noi.", "quote"),
            ("Gloria in excelsis Deo", "latin"),
        ],
    },
]
