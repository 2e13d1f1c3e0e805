# Hand-written legitimate French-host documents for corpora/legit.jsonl.
HOST = "fr"

DOCS = [
    {
        "text": """
Il y a deux ans, j’ai ressorti du grenier le vieil appareil argentique de mon père, un Pentax K1000 qui n’avait pas servi depuis les années quatre-vingt-dix. Je voulais juste vérifier qu’il fonctionnait encore. Depuis, je n’ai presque plus touché à mon reflex numérique.

Back to basics

Avec une pellicule de trente-six poses, on réfléchit avant d’appuyer. On regarde la lumière, on attend que le passant sorte du cadre, on renonce parfois. Et puis il y a l’attente : je dépose mes films chez un petit labo de quartier et je récupère les tirages une semaine plus tard, comme un cadeau que je me serais fait à moi-même.

Pour ceux qui veulent se lancer, une Kodak Portra 400 pardonne beaucoup d’erreurs d’exposition. C’est un peu cher, mais franchement, ça vaut le coup.
""",
        "traps": [
            ("Pentax K1000", "brand"),
            ("Back to basics", "heading"),
            ("Kodak Portra 400", "brand"),
        ],
    },
    {
        "text": """
Ce week-end, on était au festival de musique de notre village, et c’était vraiment la meilleure édition depuis longtemps. Les organisateurs ont enfin installé des fontaines à eau gratuites et un vrai coin ombragé pour les familles.

La grande nouveauté, c’était la scène acoustique sous les platanes. Pas de gros son, juste des guitares et des voix, et les gens assis dans l’herbe. Pour moi, ça a été un vrai game changer : je suis resté là presque tout l’après-midi au lieu de courir d’une scène à l’autre. Le seul bémol, c’est la file d’attente pour les food trucks, qui était franchement interminable le samedi soir.

L’an prochain, j’y retourne sans hésiter. Et cette fois, je prends un sandwich de la maison.
""",
        "traps": [("week-end", "idiom"), ("game changer", "idiom"), ("food trucks", "idiom")],
    },
    {
        "text": """
Cela fait six mois que je prépare mon premier marathon, et je dois avouer que certains matins, je n’ai aucune envie de sortir courir sous la pluie. Dans ces moments-là, je pense à une phrase que mon coach a écrite au feutre sur mon plan d’entraînement.

Comme disait Nelson Mandela : « It always seems impossible until it’s done. » C’est un peu cliché, je sais, mais quand on est à la 28e minute d’une séance de fractionné et qu’on a mal partout, ça aide étrangement.

Rendez-vous le 14 avril pour savoir si j’ai tenu le coup. Je vous ferai un compte rendu détaillé, ampoules comprises.
""",
        "traps": [("It always seems impossible until it’s done.", "quote"), ("28e", "emphasis")],
    },
    {
        "text": """
Nous rentrons de dix jours au Maroc, et j’ai déjà envie d’y retourner. Nous avons commencé par Marrakech (مراكش), où nous avions réservé un petit riad dans la médina. Le matin, on prenait le petit-déjeuner sur la terrasse avec vue sur les toits, et le soir on se perdait sur la place Jemaa el-Fna au milieu des conteurs et des stands de jus d’orange.

Ensuite, nous avons pris le train pour Fès (فاس). La médina y est encore plus labyrinthique, et nous avons fini par engager un guide pour ne pas tourner en rond pendant des heures. Il nous a emmenés voir les tanneries, où l’odeur est… mémorable.

Le plus beau souvenir reste un tajine partagé avec la famille de notre hôte, qui répétait à chaque plat : « Kul, kul ! » Mange, mange !
""",
        "traps": [
            ("مراكش", "name_original_script"),
            ("فاس", "name_original_script"),
            ("riad", "idiom"),
            ("Kul, kul !", "quote"),
        ],
    },
    {
        "text": """
La fête des voisins de la rue des Tilleuls aura lieu le vendredi 31 mai à partir de 19 heures, dans la cour de l’école. Chacun apporte un plat salé ou sucré à partager, l’association s’occupe des boissons et des tables.

Pour s’inscrire ou proposer un coup de main, il suffit d’écrire à voisins.tilleuls@example.fr ou de remplir le petit formulaire sur https://tilleuls.example.fr/fete-2024. Nous cherchons en particulier quelqu’un qui accepterait de prêter une enceinte pour la musique.

Les photos de l’année dernière sont toujours en ligne sur notre compte @ruedestilleuls. N’hésitez pas à partager l’événement avec le hashtag #fêtedesvoisins, la mairie republie les plus belles images.
""",
        "traps": [
            ("voisins.tilleuls@example.fr", "email"),
            ("https://tilleuls.example.fr/fete-2024", "url"),
            ("@ruedestilleuls", "handle"),
            ("#fêtedesvoisins", "hashtag"),
        ],
    },
    {
        "text": """
J’ai enfin franchi le pas et installé Linux sur le vieil ordinateur portable de ma mère. Elle ne s’en sert que pour ses mails, ses photos et un peu de musique, et Windows était devenu beaucoup trop lent pour cette machine.

Après l’installation d’Ubuntu, j’ai juste ajouté quelques logiciels avec `sudo apt install vlc gimp`, puis j’ai configuré les mises à jour automatiques. Pour les curieux, j’ai aussi ajouté un alias dans le fichier .bashrc pour qu’elle puisse tout mettre à jour en tapant simplement `maj` dans le terminal, même si je doute qu’elle ouvre un jour ce terminal.

Verdict après un mois : elle n’a rien remarqué, à part que « l’ordinateur démarre plus vite ». Mission accomplie.

Leave a Reply
Your email address will not be published. Required fields are marked *
""",
        "traps": [
            ("Ubuntu", "brand"),
            ("sudo apt install vlc gimp", "code"),
            (".bashrc", "code"),
            ("maj", "code"),
            ("Leave a Reply", "chrome"),
            ("Your email address will not be published. Required fields are marked *", "chrome"),
        ],
    },
    {
        "text": """
Pour nos vacances en Bretagne cette année, nous avons décidé de laisser la voiture au garage. Aller-retour en TGV avec la SNCF jusqu’à Quimper, puis un vélo loué chez Décathlon pour la semaine, et enfin un covoiturage BlaBlaCar pour rejoindre la presqu’île de Crozon.

Le bilan est plutôt positif. Le train était à l’heure, ce qui mérite d’être souligné, et le vélo électrique nous a permis de grimper les côtes sans trop souffrir. Le seul vrai problème, c’est la location : il faut réserver très tôt, sinon il ne reste que des vélos trop petits ou trop grands.

Je recommande vivement, surtout avec des ados, qui ont été beaucoup moins grognons sans les quatre heures d’autoroute.
""",
        "traps": [
            ("TGV", "brand"),
            ("SNCF", "brand"),
            ("Décathlon", "brand"),
            ("BlaBlaCar", "brand"),
        ],
    },
    {
        "text": """
A priori, la réforme des rythmes scolaires votée par le conseil municipal semblait raisonnable. Une demi-journée de plus le mercredi matin, des activités périscolaires l’après-midi, rien de révolutionnaire. Mais a posteriori, on voit bien que rien n’a été anticipé.

Les animateurs ont été recrutés in extremis, parfois la veille de la rentrée. Le financement, grosso modo, repose sur les familles, alors que le maire avait promis la gratuité. Une cantine de qualité et des locaux adaptés étaient pourtant la condition sine qua non de tout le projet.

Lors de la dernière réunion, l’adjointe a fait son mea culpa, ce qui est déjà ça. Reste à voir si les corrections suivront avant les vacances de février.
""",
        "traps": [
            ("A priori", "latin"),
            ("a posteriori", "latin"),
            ("in extremis", "latin"),
            ("grosso modo", "latin"),
            ("sine qua non", "latin"),
            ("mea culpa", "latin"),
        ],
    },
    {
        "text": """
Cette semaine, je vous propose ma recette de gâteau au yaourt, la toute première que j’ai apprise avec ma grand-mère. On mesure tout avec le pot de yaourt, donc pas besoin de balance, et c’est parfait pour cuisiner avec les enfants.

Un pot de yaourt nature, deux pots de sucre, trois pots de farine, trois œufs, un demi-pot d’huile et un sachet de levure. On mélange, on verse dans un moule beurré et on enfourne trente-cinq minutes à 180 degrés. J’ajoute parfois le zeste d’un citron ou quelques pépites de chocolat.

Posted in Uncategorized
Share this:
Related posts
""",
        "traps": [
            ("Posted in Uncategorized", "chrome"),
            ("Share this:", "chrome"),
            ("Related posts", "chrome"),
        ],
    },
    {
        "text": """
Salut tout le monde, je poste ici parce que je suis un peu perdu. Je viens de passer en 2e année de BTS et mon stage commence dans TROIS semaines, mais l’entreprise ne m’a toujours pas envoyé la convention signée. Jsp si je dois relancer ou attendre encore.

Mon prof référent dit que c’est pas grave, mais franchement ça me stresse TROP. Et en plus ils m’ont demandé de ramener mon propre ordi, alors que le mien a un écran cassé. Vous pensez que c’est normal ou pas ?

Merci d’avance pour vos réponses, même courtes.
""",
        "traps": [
            ("2e", "emphasis"),
            ("TROIS", "emphasis"),
            ("Jsp", "emphasis"),
            ("TROP", "emphasis"),
            ("ordi", "emphasis"),
        ],
    },
    {
        "text": """
Dimanche soir, ciné-club à la médiathèque avec Les Ailes du désir, de Wim Wenders. J’avoue que je ne l’avais jamais vu, et j’ai été surpris par la lenteur du début, avant d’être complètement happé.

Le titre original, Der Himmel über Berlin, dit d’ailleurs quelque chose de plus simple et de plus beau que la version française : le ciel au-dessus de Berlin. Les anges qui écoutent les pensées des passants dans la bibliothèque, c’est une des plus belles séquences que j’aie vues depuis longtemps.

En sortant, une amie a lancé Wind of Change sur son téléphone, par pure association d’idées avec le Mur. On a ri, mais elle n’avait pas complètement tort.
""",
        "traps": [("Der Himmel über Berlin", "title"), ("Wind of Change", "title")],
    },
    {
        "text": """
Ça fait maintenant deux ans que nous vivons à Montréal, et on me demande souvent si le bilinguisme de la ville est fatigant. Pas du tout, au contraire. On passe d’une langue à l’autre sans même s’en rendre compte, parfois dans la même phrase.

Mon petit garçon de quatre ans a pris l’habitude de lire à voix haute tous les panneaux qu’il croise. Sa préférée, c’est la pancarte à l’entrée de son école, qu’il récite chaque matin comme une comptine :

Bienvenue / Welcome

Il a aussi adopté l’expression « c’est correct » à la québécoise, ce qui fait beaucoup rire sa grand-mère quand on l’appelle en France.
""",
        "traps": [("Bienvenue / Welcome", "standalone_line"), ("c’est correct", "idiom")],
    },
    {
        "text": """
Petit compte rendu de notre week-end à Colmar pour le marché de Noël. La vieille ville est illuminée comme dans un conte, et même si la foule est dense le samedi, il suffit de s’éloigner de deux rues pour retrouver le calme.

Nous avons goûté le vin chaud à la cannelle, les bredele de toutes les formes et une flammekueche immense partagée à quatre. Mention spéciale à la petite Venise, magnifique à la tombée de la nuit.

3 commentaires

Jonas
Wir wohnen in Freiburg und fahren jedes Jahr nach Colmar, aber immer am Sonntagvormittag, dann ist es deutlich leerer. Danke für den Tipp mit den Seitenstraßen, das probieren wir beim nächsten Mal aus. Die Flammekueche im Restaurant am Kanal ist übrigens auch sehr zu empfehlen.
""",
        "traps": [
            ("bredele", "idiom"),
            ("flammekueche", "idiom"),
            (
                "Wir wohnen in Freiburg und fahren jedes Jahr nach Colmar, aber immer am Sonntagvormittag, dann ist es deutlich leerer. Danke für den Tipp mit den Seitenstraßen, das probieren wir beim nächsten Mal aus. Die Flammekueche im Restaurant am Kanal ist übrigens auch sehr zu empfehlen.",
                "foreign_comment",
            ),
        ],
    },
    {
        "text": """
Pour mes quarante ans, j’ai offert à ma sœur un voyage en Bulgarie, un pays qu’aucune de nous deux ne connaissait. Nous avons atterri à Sofia (София), une capitale étonnamment verte, avec le mont Vitocha qui domine la ville.

Le vrai coup de cœur a été Plovdiv (Пловдив), la deuxième ville du pays. Son théâtre antique est encore utilisé pour des concerts, et la vieille ville est pleine de maisons colorées du dix-neuvième siècle. Ma sœur a passé une heure à essayer de déchiffrer l’alphabet cyrillique sur les menus, avec un succès très relatif.

Nous sommes rentrées avec trois pots de confiture de rose et l’envie de revenir pour voir le monastère de Rila (Рилски манастир), que nous n’avons pas eu le temps de visiter.
""",
        "traps": [
            ("София", "name_original_script"),
            ("Пловдив", "name_original_script"),
            ("Рилски манастир", "name_original_script"),
        ],
    },
    {
        "text": """
Il y a un an, je me suis inscrite à un cours d’espagnol à l’université populaire. Je partais de zéro, avec juste quelques souvenirs de collège. Aujourd’hui, je suis capable de tenir une vraie conversation, lentement, mais sans paniquer.

Poco a poco

C’est la devise de notre professeure, une Argentine pleine d’énergie qui nous interdit de parler français en classe. Elle dit toujours que l’important, ce n’est pas d’aller vite, mais de ne jamais arrêter. Elle avait raison : trente minutes par jour, même fatiguée, ça finit par payer.

Prochaine étape, un séjour d’une semaine à Séville au printemps. Je vous raconterai.

¡Hasta pronto!
""",
        "traps": [("Poco a poco", "heading"), ("¡Hasta pronto!", "standalone_line")],
    },
]
