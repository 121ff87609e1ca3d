from begroot.cli import main

main()
