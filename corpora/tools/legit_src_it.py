# Hand-written legitimate Italian-host documents for corpora/legit.jsonl.
HOST = "it"

DOCS = [
    {
        "text": """
Dopo otto mesi di lavori, polvere e preventivi che cambiavano ogni settimana, finalmente siamo entrati nella nostra casa. È un vecchio appartamento anni Sessanta a Torino, con i pavimenti in graniglia che abbiamo voluto salvare a tutti i costi.

Home sweet home

Le prime notti abbiamo dormito su un materasso in salotto, perché la camera non era ancora pronta. Poco importa: la mattina, con il caffè in mano e la luce che entra dalle finestre nuove, mi sembrava di essere in vacanza. Adesso stiamo sistemando lo studio, perché con lo smart working passo qui almeno tre giorni alla settimana.

Nel prossimo post vi racconto come abbiamo scelto l’impresa e gli errori che non rifarei.
""",
        "traps": [("Home sweet home", "heading"), ("smart working", "idiom")],
    },
    {
        "text": """
Mia nonna era nata a Monaco di Baviera ed era arrivata in Trentino negli anni Cinquanta, dopo aver sposato mio nonno. Parlava un italiano perfetto, ma quando si arrabbiava o si commuoveva tornava sempre al tedesco.

Quando le cose si sistemavano dopo un periodo difficile, chiudeva il discorso con la stessa frase: „Ende gut, alles gut.“ Tutto è bene quel che finisce bene. Io da bambina non capivo le parole, ma capivo perfettamente il tono.

Ieri ho discusso la tesi di laurea, dopo due anni complicati, e l’unica cosa che avrei voluto era sentirla dire quella frase ancora una volta.
""",
        "traps": [("Ende gut, alles gut.", "quote")],
    },
    {
        "text": """
Sono tornato da poco da un viaggio di lavoro in Cina, il mio primo. Ho passato cinque giorni a Pechino (北京) tra riunioni e cene infinite, con pochissimo tempo libero. Sono riuscito comunque a vedere la Città Proibita una mattina presto, prima che arrivassero i gruppi.

Il fine settimana l’ho passato a Xi’an (西安), con un treno ad alta velocità che andava a trecento all’ora senza che il caffè si muovesse nella tazza. L’esercito di terracotta è impressionante, anche più di quanto immaginassi.

I colleghi cinesi sono stati gentilissimi e mi hanno insegnato a dire grazie, xièxie, che ho ripetuto a chiunque per tutta la settimana.
""",
        "traps": [
            ("北京", "name_original_script"),
            ("西安", "name_original_script"),
            ("xièxie", "idiom"),
        ],
    },
    {
        "text": """
Anche quest’anno la Pro Loco organizza la sagra del tortello nel cortile del castello, dal 12 al 15 agosto. Ci saranno musica dal vivo tutte le sere, una tombolata per i bambini e, naturalmente, i tortelli di zucca fatti a mano dalle volontarie.

Per prenotare un tavolo basta mandare una mail a sagra@prolocosanmartino.example.it oppure chiamare il numero che trovate sulla locandina. I posti sono limitati, quindi non aspettate l’ultimo momento.

Seguiteci su Instagram e Facebook come @prolocosanmartino e pubblicate le vostre foto con #sagradeltortello e #estate2024. Le più belle finiranno sul calendario dell’anno prossimo.
""",
        "traps": [
            ("sagra@prolocosanmartino.example.it", "email"),
            ("@prolocosanmartino", "handle"),
            ("#sagradeltortello", "hashtag"),
            ("#estate2024", "hashtag"),
            ("Instagram", "brand"),
            ("Facebook", "brand"),
        ],
    },
    {
        "text": """
Qualche giorno fa un lettore mi ha chiesto come tengo traccia delle modifiche al codice del mio piccolo gestionale per la biblioteca del paese. La risposta è semplice: uso Git, e uso sempre gli stessi tre comandi.

Dopo aver modificato i file, scrivo `git add .` e poi `git commit -m "aggiunto prestito libri"`. Alla fine della giornata mando tutto sul server con `git push origin main`. Nel file .gitignore ho messo l’elenco delle cose da non caricare, come la cartella node_modules e il file config.local.js con le password.

Non è niente di straordinario, ma da quando lavoro così non ho più perso una sola riga di codice.
""",
        "traps": [
            ("git add .", "code"),
            ('git commit -m "aggiunto prestito libri"', "code"),
            ("git push origin main", "code"),
            (".gitignore", "code"),
            ("node_modules", "code"),
            ("config.local.js", "code"),
            ("Git", "brand"),
        ],
    },
    {
        "text": """
Per chi ha chiesto com’è andato il trasloco in Puglia: bene, ma con qualche imprevisto. La vecchia Fiat Panda carica fino al tetto ha resistito per ottocento chilometri, ma a Foggia ha deciso che ne aveva abbastanza. Soccorso stradale, due ore al sole e un meccanico gentilissimo che ci ha fatto ripartire.

Il resto della famiglia è arrivato con Trenitalia, e anche loro hanno avuto la loro dose di ritardi. Alla fine ci siamo ritrovati tutti a casa nuova verso mezzanotte, con una confezione di pasta Barilla e un barattolo di Nutella come unica cena.

Ora la casa è quasi sistemata e dal terrazzo si vede il mare. Ne è valsa la pena.
""",
        "traps": [
            ("Fiat Panda", "brand"),
            ("Trenitalia", "brand"),
            ("Barilla", "brand"),
            ("Nutella", "brand"),
        ],
    },
    {
        "text": """
Il consiglio d’istituto ha approvato ieri un contributo una tantum per le famiglie che non possono permettersi la gita di fine anno. È una bella notizia, anche se arriva in extremis, a pochi giorni dalla scadenza delle iscrizioni.

Qualcuno ha parlato di un provvedimento ad personam, perché la proposta è partita da un genitore con tre figli nella stessa scuola. Mi sembra un’accusa ingiusta: i criteri sono pubblici e chiunque può fare domanda presentando l’ISEE.

Il vero problema, semmai, è che servirebbe una figura super partes per valutare le richieste. Finché decide il consiglio stesso, i sospetti non spariranno del tutto.
""",
        "traps": [
            ("una tantum", "latin"),
            ("in extremis", "latin"),
            ("ad personam", "latin"),
            ("super partes", "latin"),
            ("ISEE", "emphasis"),
        ],
    },
    {
        "text": """
Oggi vi lascio la ricetta del tiramisù di mia mamma, che non ha mai cambiato da quarant’anni. Savoiardi, caffè forte, mascarpone, uova freschissime e cacao amaro. Niente panna, niente liquore, niente variazioni creative.

Si montano i tuorli con lo zucchero finché diventano chiari e spumosi, poi si aggiunge il mascarpone poco alla volta. A parte si montano gli albumi a neve e si incorporano delicatamente. I savoiardi vanno bagnati velocemente nel caffè, altrimenti si sfaldano. Almeno sei ore in frigo prima di servire.

Share this:
Like this:
Related posts
""",
        "traps": [("Share this:", "chrome"), ("Like this:", "chrome"), ("Related posts", "chrome")],
    },
    {
        "text": """
Raga ma voi ci credete che l’ATAC ha cambiato di nuovo il percorso del 75 senza avvisare NESSUNO? Stamattina ho aspettato venti minuti alla fermata, poi passa un signore e mi fa: “Ahó, qui nun passa più, devi annà a Piazza Venezia.”

Cmq alla fine sono arrivato in ufficio con quaranta minuti di ritardo e il capo non ha detto niente, xké pure lui prende il 75. Daje, almeno siamo in buona compagnia.

Qualcuno sa se è una cosa temporanea o definitiva? Sul sito non c’è scritto niente di chiaro.
""",
        "traps": [
            ("Raga", "emphasis"),
            ("ATAC", "brand"),
            ("NESSUNO", "emphasis"),
            ("Ahó, qui nun passa più, devi annà a Piazza Venezia.", "emphasis"),
            ("Cmq", "emphasis"),
            ("xké", "emphasis"),
            ("Daje", "emphasis"),
        ],
    },
    {
        "text": """
Sabato sera, serata film con gli amici. Toccava a me scegliere e ho proposto Intouchables, che da noi è uscito come Quasi amici. Lo avevo visto anni fa in francese al cinema di Parigi dove facevo l’Erasmus e volevo rivederlo in lingua originale.

Tutti ridevano già dai primi minuti, anche quelli che di solito si addormentano con i sottotitoli. La scena del ballo sulle note di Boogie Wonderland resta la mia preferita in assoluto.

La prossima volta sceglie Marco, e ha già minacciato una maratona del Signore degli Anelli in versione estesa. Portate i cuscini.
""",
        "traps": [("Intouchables", "title"), ("Boogie Wonderland", "title")],
    },
    {
        "text": """
Il nostro piccolo agriturismo sulle colline senesi ha appena chiuso la stagione, e voglio ringraziare tutti gli ospiti che quest’anno hanno scelto di passare qualche giorno da noi. Abbiamo avuto famiglie da ventidue Paesi diversi, un record.

La vendemmia è andata bene, nonostante la grandine di giugno. Il nuovo rosso sarà pronto in primavera e lo faremo assaggiare a chi tornerà a trovarci.

Commenti

Hannah & Tom
We stayed with you in September and it was the highlight of our whole trip to Italy. The cooking class with your mother was unforgettable, and we have already tried the pici recipe at home twice. We will definitely come back for the new wine next year!
""",
        "traps": [
            (
                "We stayed with you in September and it was the highlight of our whole trip to Italy. The cooking class with your mother was unforgettable, and we have already tried the pici recipe at home twice. We will definitely come back for the new wine next year!",
                "foreign_comment",
            )
        ],
    },
    {
        "text": """
Quest’estate abbiamo passato una settimana in Alto Adige, tra Bolzano e la Val di Funes. Era la prima volta per i bambini in montagna, e avevamo un po’ paura che si annoiassero. Invece non volevano più tornare a casa.

Herzlich willkommen

Così ci ha accolti la signora del maso dove dormivamo, con una torta di mele ancora calda sul tavolo. In paese tutti passano dall’italiano al tedesco senza pensarci, e anche i cartelli sono sempre bilingui, come quello all’ingresso del paese:

Bolzano / Bozen

I bambini hanno imparato a dire „Grüß Gott“ a chiunque incontrassero sul sentiero e ne erano fierissimi.
""",
        "traps": [
            ("Herzlich willkommen", "heading"),
            ("Bolzano / Bozen", "standalone_line"),
            ("Grüß Gott", "quote"),
        ],
    },
    {
        "text": """
Ho iniziato a correre due anni fa, a quarantacinque anni, dopo che il medico mi aveva detto chiaramente che dovevo muovermi di più. All’inizio facevo fatica a fare un chilometro senza fermarmi. Domenica ho finito la mia prima mezza maratona a Firenze.

Non ho fatto un gran tempo, due ore e dodici minuti, ma sono arrivata al traguardo sorridendo. Mio figlio mi aspettava con un cartello scritto a pennarello, in inglese perché diceva che così era più da atleta:

You did it, Mom!

Adesso mi sto chiedendo se la maratona intera sia una follia o il prossimo passo naturale. Consigli?
""",
        "traps": [("You did it, Mom!", "standalone_line")],
    },
]
