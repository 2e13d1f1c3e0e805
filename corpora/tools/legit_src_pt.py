# Hand-written legitimate Portuguese-host documents for corpora/legit.jsonl (pt-PT and pt-BR).
HOST = "pt"

DOCS = [
    {
        "text": """
Há um ano comprámos uma casa antiga no Alentejo com um quintal que parecia uma selva. Entre silvas, entulho e três oliveiras meio secas, não sabíamos bem por onde começar. Hoje já temos uma horta pequena e um canto de sombra para o verão.

Work in progress

É assim que gosto de descrever o quintal, porque nunca está terminado. Este inverno plantámos seis árvores de fruto e recuperámos o poço com a ajuda de um vizinho que percebe mais de pedra do que qualquer engenheiro. As oliveiras, depois de uma boa poda, voltaram a dar azeitona.

No próximo post conto como fizemos o sistema de rega gota a gota, que foi a melhor decisão que tomámos.
""",
        "traps": [("Work in progress", "heading")],
    },
    {
        "text": """
Desde a pandemia, lá em casa ninguém quer saber de voltar para o escritório. Eu trabalho de home office quatro dias por semana, meu marido faz tudo remoto, e as crianças acham normal ver os pais em reunião na mesa da cozinha.

O que mudou mesmo foi a rotina da comida. Antes a gente pedia delivery quase todo dia, agora cozinhamos mais e fazemos marmita no domingo. O único momento social da semana virou o happy hour online da equipe na sexta, que às vezes dura mais do que devia.

Não sei se é para sempre, mas por enquanto está funcionando muito bem para a gente.
""",
        "traps": [("home office", "idiom"), ("delivery", "idiom"), ("happy hour", "idiom")],
    },
    {
        "text": """
Quando fiz Erasmus em Lyon, a minha professora de francês tinha uma paciência infinita com os estudantes estrangeiros. Sempre que alguém desanimava por não conseguir acompanhar uma conversa, ela sorria e dizia: « Petit à petit, l’oiseau fait son nid. » Pouco a pouco, o pássaro faz o ninho.

Lembrei-me dela esta semana, quando passei no exame de proficiência em alemão depois de três anos de aulas à noite. Houve muitas noites em que me apeteceu desistir, mas lá fui fazendo o ninho, palavra a palavra.

Agora vem a parte difícil: mudar-me para Viena e usar tudo isto no dia a dia.
""",
        "traps": [("Petit à petit, l’oiseau fait son nid.", "quote")],
    },
    {
        "text": """
Passei uma semana em Macau (澳門) para visitar uma prima que lá vive há dez anos. É uma cidade estranha e fascinante, onde os nomes das ruas aparecem em português e em chinês e onde se come pastel de nata ao lado de dim sum.

Num dos dias apanhámos o ferry para Hong Kong (香港). A vista do Victoria Peak ao fim da tarde, com os arranha-céus a acenderem-se um a um, é das coisas mais bonitas que já vi. Voltámos tarde, cansadas e cheias de sacos de chá.

A minha prima diz que ainda hoje se encontram pessoas mais velhas que falam o patuá, o crioulo macaense. Infelizmente não tive oportunidade de ouvir nenhuma.
""",
        "traps": [
            ("澳門", "name_original_script"),
            ("香港", "name_original_script"),
            ("dim sum", "idiom"),
        ],
    },
    {
        "text": """
Os Santos Populares estão a chegar e a nossa coletividade volta a montar o arraial no largo da igreja, de 12 a 14 de junho. Haverá sardinha assada, caldo verde, bifanas e música popular até altas horas.

Precisamos de voluntários para a grelha e para o bar. Quem puder ajudar, escreva para arraial@coletividadedobairro.example.pt ou inscreva-se diretamente em https://coletividadedobairro.example.pt/voluntarios.

Partilhem as vossas fotografias com #SantoAntónio e #arraialdobairro e marquem a nossa página @coletividadedobairro. As melhores vão para a exposição do próximo ano.
""",
        "traps": [
            ("arraial@coletividadedobairro.example.pt", "email"),
            ("https://coletividadedobairro.example.pt/voluntarios", "url"),
            ("#SantoAntónio", "hashtag"),
            ("#arraialdobairro", "hashtag"),
            ("@coletividadedobairro", "handle"),
        ],
    },
    {
        "text": """
Comecei a aprender programação aos quarenta e dois anos, por pura curiosidade, e agora uso Python todos os dias no meu trabalho de contabilidade. Não sou especialista, mas já poupo horas por semana com pequenos scripts.

O primeiro passo foi instalar o necessário com `pip install pandas openpyxl`. Depois escrevi um script de dez linhas que lê o ficheiro faturas.xlsx, soma os valores por cliente e grava o resultado em resumo.csv. A linha mais importante é esta: `df.groupby("cliente")["valor"].sum()`.

Se alguém quiser experimentar, deixo o código completo nos comentários. E lembrem-se: o primeiro programa de toda a gente é um `print("Olá, mundo!")`, por isso não há vergonha nenhuma em começar por aí.
""",
        "traps": [
            ("Python", "brand"),
            ("pip install pandas openpyxl", "code"),
            ("faturas.xlsx", "code"),
            ("resumo.csv", "code"),
            ('df.groupby("cliente")["valor"].sum()', "code"),
            ('print("Olá, mundo!")', "code"),
        ],
    },
    {
        "text": """
Este ano decidimos fazer as férias de verão de comboio. Saímos de Lisboa com a CP até ao Porto e depois seguimos pela Linha do Douro até ao Pocinho, uma das viagens de comboio mais bonitas da Europa.

Pelo caminho parámos em Pinhão, onde fizemos uma prova de vinhos numa quinta familiar. Ao jantar, num restaurante com vista para o rio, bebemos uma Super Bock bem fresca, porque depois de tanto vinho já ninguém aguentava mais.

Para o regresso, comprámos o lanche no Pingo Doce da estação e dormimos quase o caminho todo. Recomendo a qualquer pessoa que goste de viajar devagar.
""",
        "traps": [("CP", "brand"), ("Super Bock", "brand"), ("Pingo Doce", "brand")],
    },
    {
        "text": """
A reunião de condomínio de ontem foi, grosso modo, igual a todas as outras: muita discussão e poucas decisões. O administrador leu ipsis verbis a carta da câmara sobre as obras na fachada, e metade das pessoas deixou de ouvir ao segundo parágrafo.

Ficou decidido que um engenheiro virá fazer uma vistoria in loco antes de pedirmos orçamentos. Faz sentido, mas vai atrasar tudo mais uns meses.

O nosso prédio tem um ambiente sui generis: ninguém concorda com nada, mas no Natal todos aparecem no jantar da vizinha do rés-do-chão.
""",
        "traps": [
            ("grosso modo", "latin"),
            ("ipsis verbis", "latin"),
            ("in loco", "latin"),
            ("sui generis", "latin"),
        ],
    },
    {
        "text": """
Esta semana trago-vos a receita dos pastéis de bacalhau da minha avó, que ainda hoje são disputados em todos os almoços de família. Batata cozida, bacalhau desfiado, ovos, cebola e muita salsa.

O segredo está em desfiar muito bem o bacalhau e em não poupar na salsa. As formas fazem-se com duas colheres, e o óleo deve estar quente mas não a fumegar. Escorrem-se em papel absorvente e comem-se mornos, de preferência com arroz de tomate.

Share this:
Like this:
2 thoughts on “Pastéis de bacalhau da avó”
""",
        "traps": [
            ("Share this:", "chrome"),
            ("Like this:", "chrome"),
            ("2 thoughts on “Pastéis de bacalhau da avó”", "chrome"),
        ],
    },
    {
        "text": """
Gente, preciso desabafar. Comprei um celular pela internet, chegou com a tela trincada e a loja NUNCA responde. Já mandei e-mail, mensagem no WhatsApp e reclamação no site, e nada.

Minha irmã falou pra eu abrir reclamação no Procon, mas sinceramente nem sei como funciona. Vc já passou por isso? Pq se for muito complicado eu vou acabar desistindo e ficando no prejuízo mesmo kkkkk.

Obrigada desde já, de vdd. Qualquer dica ajuda mto.
""",
        "traps": [
            ("NUNCA", "emphasis"),
            ("WhatsApp", "brand"),
            ("Procon", "brand"),
            ("Vc", "emphasis"),
            ("Pq", "emphasis"),
            ("kkkkk", "emphasis"),
            ("vdd", "emphasis"),
            ("mto", "emphasis"),
        ],
    },
    {
        "text": """
No sábado fomos ao cinema ao ar livre do jardim municipal ver Parasitas (기생충), do Bong Joon-ho (봉준호). Já o tinha visto, mas nunca num ecrã tão grande e com tanta gente à volta a reagir ao mesmo tempo.

O título original lê-se Gisaengchung, e um amigo coreano explicou-me depois que a palavra tem um peso ainda mais duro do que a tradução. Não admira que o filme tenha ganho tudo o que havia para ganhar.

No fim, enquanto as pessoas arrumavam as mantas, alguém pôs a tocar Hallelujah numa coluna portátil, e ninguém teve coragem de dizer que era a escolha mais estranha possível.
""",
        "traps": [
            ("기생충", "name_original_script"),
            ("봉준호", "name_original_script"),
            ("Gisaengchung", "title"),
            ("Hallelujah", "title"),
        ],
    },
    {
        "text": """
Fizemos o Caminho Português da Costa, de Caminha até Santiago, em oito dias. Nunca pensei que conseguiria caminhar mais de vinte quilómetros por dia durante uma semana, mas o corpo habitua-se.

Na Galiza, os albergues estavam cheios de peregrinos de todo o mundo, e ao fim do dia jantávamos todos juntos em mesas compridas. Foi aí que percebi que o Caminho é sobretudo feito das pessoas que encontramos.

Comentários

Lucía
¡Qué bonito lo que cuentas! Yo hice el mismo camino el año pasado con mi hermana y también terminamos con los pies destrozados, pero felices. Si vuelves por Galicia, avísame y te invito a un pulpo en Pontevedra.
""",
        "traps": [
            (
                "¡Qué bonito lo que cuentas! Yo hice el mismo camino el año pasado con mi hermana y también terminamos con los pies destrozados, pero felices. Si vuelves por Galicia, avísame y te invito a un pulpo en Pontevedra.",
                "foreign_comment",
            )
        ],
    },
    {
        "text": """
Há dez anos que vivo em Londres, mas todos os verões volto à aldeia dos meus pais na Beira. Este ano levei comigo o meu namorado inglês, que nunca tinha estado em Portugal fora do Algarve.

A minha mãe não fala inglês e ele só sabe dizer obrigado, mas ao fim de dois dias já estavam a cozinhar juntos. Comunicavam por gestos, sorrisos e muita comida. No último dia, ela escreveu-lhe um bilhete com a ajuda da minha sobrinha, que ele guardou na carteira:

Come back soon, my son. / Volta depressa, meu filho.
""",
        "traps": [("Come back soon, my son. / Volta depressa, meu filho.", "standalone_line")],
    },
]
