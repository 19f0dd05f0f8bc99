from newsparallax.cli.app import main

main()
